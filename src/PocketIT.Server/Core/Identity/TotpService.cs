using System.Security.Cryptography;
using OtpNet;
using QRCoder;

namespace PocketIT.Server.Core.Identity;

/// <summary>RFC 6238 codes: SHA1, 6 digits, 30 s steps, one step of drift either way.</summary>
public sealed class TotpService(TimeProvider time)
{
    public const string Issuer = "Pocket IT";

    public string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    /// <summary>True when the code matches within one step of now; <paramref name="step"/> is the step it matched.</summary>
    public bool Verify(string base32Secret, string? code, out long step)
    {
        step = 0;
        if (code is null) return false;
        code = code.Trim().Replace(" ", "");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(base32Secret));
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out step, new VerificationWindow(1, 1));
    }

    public string OtpAuthUri(string base32Secret, string username) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(username)}" +
        $"?secret={base32Secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PocketIT.Server.Core.Hosting;

namespace PocketIT.Server.Core.Identity;

/// <summary>Mints and checks the HS256 JWTs of staff: full tokens (8 h) and 2FA temp tokens (5 min).</summary>
public sealed class StaffTokenService
{
    public const string PurposeVerify = "2fa_verify";
    public const string PurposeSetup = "2fa_setup";
    public const string Issuer = "pocket-it";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public StaffTokenService(IOptions<PocketItOptions> options, TimeProvider time)
    {
        SigningKey = CreateSigningKey(options.Value);
        _credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256);
        _lifetime = TimeSpan.FromHours(options.Value.Auth.JwtLifetimeHours);
        _time = time;
    }

    public SymmetricSecurityKey SigningKey { get; }

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidateAudience = false,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = "username",
        RoleClaimType = "role",
    };

    public string CreateFullToken(StaffUser user) => Create(user, purpose: null, _lifetime);

    public string CreateTempToken(StaffUser user, string purpose) => Create(user, purpose, TimeSpan.FromMinutes(5));

    /// <summary>Who a valid temp token with one of the given purposes speaks for, else null.</summary>
    public async Task<TokenSubject?> ReadTempTokenAsync(string? token, params string[] purposes)
    {
        var principal = await ValidateAsync(token);
        var purpose = principal?.FindFirst("purpose")?.Value;
        if (principal is null || purpose is null || !purposes.Contains(purpose)) return null;
        return TokenSubject.From(principal);
    }

    /// <summary>Who a valid full (purpose-less) token speaks for, else null.</summary>
    public async Task<TokenSubject?> ReadFullTokenAsync(string? token)
    {
        var principal = await ValidateAsync(token);
        if (principal is null || principal.HasClaim(c => c.Type == "purpose")) return null;
        return TokenSubject.From(principal);
    }

    private async Task<ClaimsIdentity?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096) return null;
        var parameters = ValidationParameters;
        parameters.LifetimeValidator = (notBefore, expires, _, _) => expires is null || expires > _time.GetUtcNow().UtcDateTime;
        var result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.ClaimsIdentity : null;
    }

    private string Create(StaffUser user, string? purpose, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["role"] = user.Role,
            ["ver"] = user.TokenVersion,
        };
        if (purpose is not null) claims["purpose"] = purpose;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = _credentials,
        });
    }

    private static SymmetricSecurityKey CreateSigningKey(PocketItOptions options)
    {
        var configured = options.Auth.JwtSecret;
        var bytes = string.IsNullOrEmpty(configured)
            ? DataDirectory.ReadOrCreateSecret(options, "jwt-secret", 64)
            : Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < 32)
            throw new InvalidOperationException("PocketIT:Auth:JwtSecret must be at least 32 bytes long.");
        return new SymmetricSecurityKey(bytes);
    }
}

/// <summary>The user a token names and the token version it was issued under (for revocation).</summary>
public sealed record TokenSubject(int UserId, int Version)
{
    public static TokenSubject? From(ClaimsIdentity identity)
    {
        if (!int.TryParse(identity.FindFirst("id")?.Value, out var id)) return null;
        var version = int.TryParse(identity.FindFirst("ver")?.Value, out var v) ? v : 0;
        return new TokenSubject(id, version);
    }
}

using System.Text;

namespace PocketIT.Agent.Approval;

/// <summary>
/// Text from the server is untrusted: before it reaches a terminal, drop ANSI/VT escape sequences, control
/// characters and bidirectional overrides, so a message cannot repaint the screen or disguise a prompt.
/// </summary>
public static class TerminalText
{
    /// <summary>One line: line breaks become spaces.</summary>
    public static string Line(string? text) => Clean(text, keepNewlines: false);

    /// <summary>Several lines: line breaks are kept (as '\n'), everything else as <see cref="Line"/>.</summary>
    public static string Lines(string? text) => Clean(text, keepNewlines: true);

    private static string Clean(string? text, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u001b') { i = SkipEscape(text, i); continue; }
            if (c == '\u009b') { i = SkipCsi(text, i + 1); continue; }
            if (c == '\r') continue;
            if (c == '\n') { clean.Append(keepNewlines ? '\n' : ' '); continue; }
            if (c == '\t') { clean.Append(' '); continue; }
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>Index of the last character of the escape sequence starting at <paramref name="start"/>.</summary>
    private static int SkipEscape(string text, int start)
    {
        if (start + 1 >= text.Length) return start;
        var next = text[start + 1];
        if (next == '[') return SkipCsi(text, start + 2);
        if (next is ']' or 'P' or '_' or '^' or 'X') return SkipString(text, start + 2);
        return start + 1; // two-character escape such as ESC c
    }

    /// <summary>CSI: parameter and intermediate bytes, then one final byte in 0x40–0x7E.</summary>
    private static int SkipCsi(string text, int i)
    {
        while (i < text.Length && text[i] is >= '\u0020' and <= '\u003f') i++;
        return Math.Min(i, text.Length - 1);
    }

    /// <summary>OSC/DCS/APC/PM/SOS: up to BEL or ST (ESC \).</summary>
    private static int SkipString(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] == '\u0007' || text[i] == '\u009c') return i;
            if (text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\') return i + 1;
        }
        return text.Length - 1;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';
}

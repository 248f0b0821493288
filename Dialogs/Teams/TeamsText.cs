using System.Text;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// Makes the bot's plain text read the same in Teams, which renders message text as Markdown: a single line
/// break would run two lines together, so every break becomes a paragraph break.
/// </summary>
public static class TeamsText
{
    public static string? Format(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var builder = new StringBuilder(text.Length + lines.Length);
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(line);
        }

        return builder.ToString();
    }
}

using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Messages;

/// <summary>Picks the emergency number for the person's country, read from the locale's region.</summary>
public sealed class EmergencyNumberDirectory
{
    // Asked on every reply (each one carries the number), so the lookups are made once here and a turn allocates nothing.
    private readonly Dictionary<string, (string Display, string Spoken)>.AlternateLookup<ReadOnlySpan<char>> _byRegion;
    private readonly (string Display, string Spoken) _unknown;

    public EmergencyNumberDirectory(EmergencyNumbers numbers)
    {
        var byRegion = numbers.ByCountry.ToDictionary(
            pair => pair.Key,
            pair => (pair.Value, string.Join(' ', pair.Value.ToCharArray())),
            StringComparer.OrdinalIgnoreCase);
        _byRegion = byRegion.GetAlternateLookup<ReadOnlySpan<char>>();
        _unknown = (numbers.Unknown, numbers.Unknown);
    }

    /// <summary>The number to show and the way to say it (digit by digit), or the list of common numbers when the country is unknown.</summary>
    public (string Display, string Spoken) For(string? locale) =>
        _byRegion.TryGetValue(RegionOf(locale), out var number) ? number : _unknown;

    /// <summary>The one number to dial for the person's country; null when the locale names no known country.</summary>
    public string? Find(string? locale) =>
        _byRegion.TryGetValue(RegionOf(locale), out var number) ? number.Display : null;

    /// <summary>The two-letter region that ends the locale ("en-GB", "de_AT"), or empty when there is none.</summary>
    private static ReadOnlySpan<char> RegionOf(string? locale)
    {
        var text = locale.AsSpan().Trim();
        var separator = text.LastIndexOfAny('-', '_');
        return separator >= 0 && text.Length - separator - 1 == 2 ? text[(separator + 1)..] : [];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace MailTicketing.Storage.Migrations;

/// <summary>The scripts of sql/&lt;dialect&gt;/, embedded in this assembly as "&lt;dialect&gt;/NNNN_name.sql".</summary>
internal static partial class EmbeddedMigrations
{
    public static IReadOnlyList<MigrationScript> Load(string folder)
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var match = ScriptName().Match(resource[(folder.Length + 1)..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            scripts.Add(new MigrationScript(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        return Ordered(scripts);
    }

    /// <summary>Sorted by version, starting with the ledger script 0000 and without duplicate versions.</summary>
    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(script => script.Version).ToList();
        if (ordered.Count == 0 || ordered[0].Version != 0)
        {
            throw new InvalidOperationException("Migrations must start with 0000, the script that creates schema_migrations.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have version {ordered[i].Version:D4}.");
            }
        }

        return ordered;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}

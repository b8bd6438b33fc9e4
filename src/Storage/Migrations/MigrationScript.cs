using System.Security.Cryptography;
using System.Text;

namespace MailTicketing.Storage.Migrations;

/// <summary>One numbered, forward-only script, e.g. 0001_initial.sql.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    // Line endings are normalised first, so a checkout with CRLF does not look like an edit.
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

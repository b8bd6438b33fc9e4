using System.Security.Cryptography;
using System.Text;

namespace MailTicketing.Storage.Migrations;

/// <summary>One numbered, forward-only script, e.g. 0001_initial.sql.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    // Line endings are normalised first, so a checkout with CRLF does not look like an edit.
    // Computed on use (not stored) so that a copy made with `with` cannot carry a stale checksum.
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace MailTicketing.Storage.Postgres;

/// <summary>
/// The one spelling the shared SQL needs changed for PostgreSQL: a list parameter. For SQLite,
/// Dapper expands "IN @Ids" into "IN (@Ids1, @Ids2, …)" itself; for Npgsql it sends the list
/// as one array parameter and leaves the text alone, and PostgreSQL compares with an array as
/// "= ANY(@Ids)" ("NOT IN" as "&lt;&gt; ALL(@Ids)"). The statements are constants, so each
/// is rewritten once and remembered.
/// </summary>
internal static partial class PostgresSql
{
    private static readonly ConcurrentDictionary<string, string> Adapted = new(StringComparer.Ordinal);

    public static string Adapt(string sql) => Adapted.GetOrAdd(sql, static text =>
        InList().Replace(text, match => match.Groups["not"].Success
            ? $"<> ALL({match.Groups["parameter"].Value})"
            : $"= ANY({match.Groups["parameter"].Value})"));

    [GeneratedRegex(@"(?<not>\bNOT\s+)?\bIN\s+(?<parameter>@\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InList();
}

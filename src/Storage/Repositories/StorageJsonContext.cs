using System.Text.Json.Serialization;

namespace MailTicketing.Storage.Repositories;

/// <summary>Source-generated JSON for the few columns stored as JSON (messages.to_addresses, ticket_routing).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

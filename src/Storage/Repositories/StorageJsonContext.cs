using System.Text.Json.Serialization;

namespace MailTicketing.Storage.Repositories;

/// <summary>Source-generated JSON for the few columns stored as JSON (messages.to_addresses).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

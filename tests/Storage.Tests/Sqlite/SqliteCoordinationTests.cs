using MailTicketing.Storage.Tests.Contract;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Sqlite;

public sealed class SqliteCoordinationTests : CoordinationContract<SqliteProvider>;

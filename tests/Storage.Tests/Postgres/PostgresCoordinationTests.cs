using MailTicketing.Storage.Tests.Contract;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Postgres;

[PostgresTests]
public sealed class PostgresCoordinationTests : CoordinationContract<PostgresProvider>;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>Raad on a database without the demo: what a committee starting on Raad has before it imports its history.</summary>
public sealed class EmptySqliteApp : SqliteApp
{
    protected override bool LoadDemo => false;
}

public sealed class EmptyPostgresApp : PostgresApp
{
    protected override bool LoadDemo => false;
}

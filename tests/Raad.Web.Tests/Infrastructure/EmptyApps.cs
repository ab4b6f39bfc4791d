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

/// <summary>The demo's meetings and decisions without Syd's money: the money is recorded through the pages, as a secretariat would.</summary>
public sealed class UnfundedSqliteApp : SqliteApp
{
    protected override bool LoadDemoMoney => false;
}

public sealed class UnfundedPostgresApp : PostgresApp
{
    protected override bool LoadDemoMoney => false;
}

/// <summary>Raad started as an operator would in production, without saying anything about the demo.</summary>
public sealed class UnconfiguredSqliteApp : SqliteApp
{
    protected override bool SetsDemoSetting => false;
}

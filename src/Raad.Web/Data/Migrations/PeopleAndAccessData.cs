namespace Raad.Web.Data.Migrations;

/// <summary>The data step of the PeopleAndAccess migration, the same SQL on both providers (tested in BaselineScenarios).</summary>
public static class PeopleAndAccessData
{
    public const string SecretariatRoleToGrants = """
        INSERT INTO "SecretariatGrants" ("UserId", "BodyId")
        SELECT ur."UserId", b."Id"
        FROM "AspNetUserRoles" ur
        JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
        CROSS JOIN "Bodies" b
        WHERE r."Name" = 'Secretariat';
        """;
}

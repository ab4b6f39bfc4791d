using System.CommandLine;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>`raad user add E-MAIL ROLE`: creates an account; the password is read from standard input, never from the command line.</summary>
public static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var email = new Argument<string>("e-mail") { Description = "Kontoens e-mailadresse; den er også brugernavnet." };
        var role = new Argument<string>("rolle") { Description = $"{string.Join(", ", CreateAccount.RoleNames.Keys)}." };
        var add = new Command("add", "Opretter en konto. Adgangskoden læses fra standard input (mindst 10 tegn).") { email, role };
        add.SetAction(async (parsed, ct) =>
        {
            var console = context.Console;
            if (console.InputIsTerminal)
            {
                console.Out.Write("Adgangskode: ");
            }
            var password = await console.In.ReadLineAsync(ct) ?? "";
            await using var app = context.BuildApp("user");
            await DatabaseStartup.MigrateAsync(app.Services, ct);
            var created = await CreateAccount.RunAsync(app.Services, parsed.GetValue(email)!, parsed.GetValue(role)!, password);
            if (!created.IsSuccess)
            {
                console.Error.WriteLine(string.Join(" ", created.Errors.Select(e => e.Message)));
                return CommandLine.Failed;
            }
            console.Out.WriteLine(created.Value);
            return CommandLine.Ok;
        });
        return new Command("user", "Kontoer: raad user add <e-mail> <rolle>.") { add };
    }
}

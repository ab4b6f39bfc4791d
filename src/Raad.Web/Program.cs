using Raad.Web.Infrastructure;

var command = CommandLine.Parse(args);
if (command.Name == "help")
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}
if (command.Error is { } error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(CommandLine.Help);
    return 2;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddRaad(command);
var app = builder.Build();
app.UseRaad();
return await CommandLine.RunAsync(command, app);

/// <summary>Visible to the test host.</summary>
public partial class Program;

using Raad.Web.Infrastructure;

// `raad [command] [options] [--Key=value ...]`: see Infrastructure/CommandLine.cs and README's "The `raad` executable".
return await CommandLine.RunAsync(args);

/// <summary>Visible to the test host.</summary>
public partial class Program;

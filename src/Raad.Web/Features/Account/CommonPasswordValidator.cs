using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Refuses a password that is among the 10,000 most common ones (common-passwords.txt, shipped in the assembly) or
/// that repeats a few characters ("aaaaaaaaaa", "ababababab"), beside the length rule, as NIST SP 800-63B asks: a
/// long password is only strong when it is not one an attacker tries first.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string RepetitiveCode = "PasswordRepetitive";

    /// <summary>Fewer different characters than this is a repetition, whatever the length.</summary>
    private const int MinDistinctCharacters = 5;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "Adgangskoden er en af de mest brugte og gættes let. Vælg en anden, fx en sætning af flere ord.",
            }));
        }
        if (password.Distinct().Count() < MinDistinctCharacters)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = RepetitiveCode,
                Description = $"Adgangskoden gentager de samme få tegn. Brug mindst {MinDistinctCharacters} forskellige tegn, fx en sætning af flere ord.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Raad.Web.Features.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt mangler i assembly'en.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }
        return words;
    }
}

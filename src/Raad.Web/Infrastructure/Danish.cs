using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Raad.Web.Infrastructure;

/// <summary>Danish texts for the messages ASP.NET Core writes itself.</summary>
public static class DanishMessages
{
    public static void SetDanishMessages(this DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustNotBeNullAccessor(_ => "Feltet skal udfyldes.");
        p.SetMissingBindRequiredValueAccessor(name => $"Feltet \"{name}\" mangler.");
        p.SetMissingKeyOrValueAccessor(() => "Værdien mangler.");
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"\"{value}\" er ikke en gyldig værdi.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Værdien er ikke gyldig.");
        p.SetValueIsInvalidAccessor(value => $"\"{value}\" er ikke en gyldig værdi.");
        p.SetValueMustBeANumberAccessor(_ => "Skriv et tal.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" er ikke en gyldig værdi.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Værdien er ikke gyldig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv et tal.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Formularen er tom.");
    }
}

public sealed class DanishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Adgangskoden skal være mindst {length} tegn." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"E-mailadressen {email} er allerede i brug." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Brugernavnet {userName} er allerede i brug." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"\"{email}\" er ikke en gyldig e-mailadresse." };
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Raad.Web.Features.Bodies.Memberships;

/// <summary>What the shared membership form needs: the input, the select options, and the errors to print by each field.</summary>
public sealed record MembershipFormModel(MembershipInput Input, MembershipOptions Options, bool IsEdit, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

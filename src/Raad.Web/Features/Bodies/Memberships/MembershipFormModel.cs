using Microsoft.AspNetCore.Mvc.ModelBinding;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies.Memberships;

/// <summary>What the shared membership form needs: the input, the select options, and the errors to print by each field.</summary>
public sealed record MembershipFormModel(MembershipInput Input, MembershipOptions Options, bool IsEdit, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key) => ModelState.ErrorFor(key);
}

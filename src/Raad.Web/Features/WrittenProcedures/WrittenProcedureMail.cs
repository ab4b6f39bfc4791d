using Raad.Domain.Procedure;

namespace Raad.Web.Features.WrittenProcedures;

internal static class WrittenProcedureMail
{
    /// <summary>The line every mail about a written procedure ends with: how many objections send it to a meeting.</summary>
    public static string ObjectionRule(WrittenProcedure procedure) => procedure.ObjectionsToMeeting == 1
        ? "Gør blot ét medlem indsigelse, skal sagen behandles på et møde. Uden indsigelser er indstillingen vedtaget, når fristen er udløbet."
        : $"Gør {procedure.ObjectionsToMeeting} medlemmer indsigelse, skal sagen behandles på et møde. Ellers er indstillingen vedtaget, når fristen er udløbet.";
}

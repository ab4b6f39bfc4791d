namespace Raad.Domain.People;

/// <summary>
/// The mails Raad sends to the people of a body, and which of them the rules of procedure call for: those reach every
/// member and advisor with an e-mail whatever he chose; the others he may turn off.
/// </summary>
public static class MailKinds
{
    public const string AgendaPublished = "agenda_published";
    public const string MinutesCirculated = "minutes_circulated";
    public const string MinutesRevised = "minutes_revised";
    public const string WrittenProcedureStarted = "written_procedure_started";
    public const string WrittenProcedureReminder = "written_procedure_reminder";
    public const string ItemRequestAnswered = "item_request_answered";

    /// <summary>What the rules require: the agenda sent, minutes out for objections, a written procedure to answer.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal)
    {
        AgendaPublished, MinutesCirculated, MinutesRevised, WrittenProcedureStarted,
    };

    /// <summary>The mails a person may turn off, in the order the choices are shown.</summary>
    public static readonly IReadOnlyList<string> Optional = [WrittenProcedureReminder, ItemRequestAnswered];

    /// <summary>Whether a mail of the kind goes to a person who turned off <paramref name="optedOut"/>.</summary>
    public static bool Reaches(string kind, IReadOnlyCollection<string> optedOut) => Required.Contains(kind) || !optedOut.Contains(kind);

    public static string Danish(string kind) => kind switch
    {
        AgendaPublished => "Dagsordenen er udsendt",
        MinutesCirculated => "Referatet til indsigelse",
        MinutesRevised => "Et rettet referat til indsigelse",
        WrittenProcedureStarted => "En skriftlig procedure at svare på",
        WrittenProcedureReminder => "Påmindelse om en skriftlig procedure, du ikke har svaret på",
        ItemRequestAnswered => "Svar på dine punktønsker",
        "invitation" => "Invitation",
        _ => kind,
    };
}

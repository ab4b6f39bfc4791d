using System.Globalization;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>The log's words in Danish, for the page and <c>raad audit verify</c>.</summary>
public static class AuditLabels
{
    public static string Act(AuditAct act) => act switch
    {
        AuditAct.Created => "oprettet",
        AuditAct.Changed => "ændret",
        AuditAct.Deleted => "slettet",
        AuditAct.Published => "offentliggjort",
        AuditAct.Approved => "godkendt",
        AuditAct.Granted => "bevilget",
        AuditAct.RoleChanged => "rolle ændret",
        AuditAct.SignedIn => "logget ind",
        AuditAct.SignInFailed => "mislykket log ind",
        AuditAct.Exported => "eksporteret",
        _ => act.ToString(),
    };

    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>
    {
        ["AppUser"] = "Konto",
        ["IdentityRole"] = "Rolle",
        ["IdentityUserLogin"] = "Ekstern log ind",
        ["Body"] = "Udvalg",
        ["StandardItem"] = "Standardpunkt",
        ["Organisation"] = "Organisation",
        ["Person"] = "Person",
        ["Membership"] = "Medlemskab",
        ["Meeting"] = "Møde",
        ["AgendaItem"] = "Dagsordenspunkt",
        ["Attachment"] = "Bilag",
        ["Case"] = "Sag",
        ["Attendance"] = "Fremmøde",
        ["ItemAbsence"] = "Fravær under punkt",
        ["Disqualification"] = "Inhabilitet",
        ["ItemVote"] = "Afstemning",
        ["Dissent"] = "Mindretalsudtalelse",
        ["RulesOfProcedure"] = "Forretningsorden",
        ["TopicRequirement"] = "Krav til emne",
        ["ItemRequest"] = "Punktønske",
        ["ItemRequestAttachment"] = "Bilag til punktønske",
        ["MinutesVersion"] = "Referatversion",
        ["MinutesObjection"] = "Indsigelse mod referat",
        ["MinutesCorrection"] = "Rettelse af referat",
        ["WrittenProcedure"] = "Skriftlig proces",
        ["WrittenAnswer"] = "Svar i skriftlig proces",
        ["ImportedDocument"] = "Importeret dokument",
        ["FundingPool"] = "Pulje",
        ["Contribution"] = "Indskud",
        ["Project"] = "Projekt",
        ["Goal"] = "Mål",
        ["Measure"] = "Indikator",
        ["Reading"] = "Måling",
        ["Grant"] = "Bevilling",
        ["SpendForecast"] = "Forbrugsprognose",
        ["StatusReport"] = "Statusrapport",
        ["HealthAgreement"] = "Sundhedsaftale",
        ["FocusArea"] = "Fokusområde",
        ["ReportingPlan"] = "Rapporteringsplan",
        ["ReportingMilestone"] = "Rapporteringsfrist",
        ["BodyRecommendation"] = "Anbefaling",
        ["HandoverRecord"] = "Overdragelse",
        ["HandoverLine"] = "Overdragelseslinje",
        ["Document"] = "Dokument",
        ["Economy"] = "Økonomi",
    };

    public static string Entity(string type) => Entities.TryGetValue(type, out var danish) ? danish : type;

    /// <summary>Copenhagen time, to the second.</summary>
    public static string Instant(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Clock.Copenhagen).ToString("d. MMMM yyyy 'kl.' HH.mm.ss", CultureInfo.GetCultureInfo("da-DK"));
}

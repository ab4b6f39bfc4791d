using System.Security.Cryptography;
using System.Text;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Raad.Bench;

/// <summary>
/// The synthetic agenda of the benchmark: a meeting of Politisk Sundhedsklynge Syd on 2 December 2025 with 40 items,
/// each with a few paragraphs of Danish text in its sections, and one 3-page PDF attachment per item (120 pages).
/// The same every time (fixed seed), so every run measures the same document.
/// </summary>
internal static class Synthetic
{
    public static readonly DateOnly Date = new(2025, 12, 2);
    public const int Items = 40;
    public const int PagesPerAttachment = 3;

    private static readonly string[] Titles =
    [
        "Status på den fælles indsats for borgere med kronisk obstruktiv lungesygdom",
        "Udmøntning af puljen til nære sundhedstilbud 2026",
        "Samarbejdsaftale om genoptræning efter udskrivelse",
        "Evaluering af akutteamets udkørende funktion",
        "Tværsektorielt forløbsprogram for diabetes type 2",
        "Rekruttering og fastholdelse af sygeplejersker i hjemmeplejen",
        "Fælles retningslinjer for medicinhåndtering ved overgange",
        "Opfølgning på lighed i sundhed i klyngens kommuner",
        "Data og dokumentation i det tværsektorielle samarbejde",
        "Ældre medicinske patienter og forebyggelige indlæggelser",
        "Psykiatriens samarbejde med kommunernes socialpsykiatri",
        "Børn og unges mentale trivsel – fælles handleplan",
        "Telemedicinsk hjemmemonitorering af hjertesvigt",
        "Praksisplan for almen praksis i optageområdet",
        "Rehabilitering af borgere med kræft",
        "Sammenhængende forløb for gravide i sårbare positioner",
        "Demensindsatsen på tværs af sektorer",
        "Kapacitet på midlertidige pladser vinteren 2025-2026",
        "Forebyggelse af faldulykker blandt ældre",
        "Samarbejde om borgere med alkoholproblemer",
        "Status på implementering af sundhedsaftalen",
        "Digital understøttelse af udskrivningsaftaler",
        "Patientinddragelse i klyngens projekter",
        "Tolkebistand i det nære sundhedsvæsen",
        "Vaccinationsindsats for sæsonen 2025-2026",
        "Fælles uddannelsesforløb for personale på tværs af sektorer",
        "Erfaringer fra den fælles ammeindsats",
        "Opfølgning på genindlæggelser inden for 30 dage",
        "Lægedækning i yderområder af optageområdet",
        "Samarbejde med apotekerne om medicingennemgang",
        "Palliative forløb og samarbejde med hospice",
        "Overgangen til sundhedsrådet: arbejdsgrupper og mandater",
        "Ventetider til børne- og ungdomspsykiatrien",
        "Kvalitetsopfølgning på tværsektorielle utilsigtede hændelser",
        "Rygestopindsatsen og samarbejdet med hospitalerne",
        "Sundhedsfremme på arbejdspladser i den offentlige sektor",
        "Beredskab ved epidemier og udbrud",
        "Fælles indkøb af hjælpemidler",
        "Årsrapport for Sundhedsklynge Syd 2025",
        "Eventuelt",
    ];

    private static readonly string[] Sentences =
    [
        "Sundhedsklynge Syd har siden 2023 arbejdet med at styrke sammenhængen i borgernes forløb på tværs af hospital, kommune og almen praksis.",
        "Arbejdsgruppen har i efteråret gennemført en kortlægning af de eksisterende tilbud i klyngens syv kommuner.",
        "Kortlægningen viser, at tilbuddene er organiseret forskelligt, og at borgerne oplever skift mellem sektorerne som uoverskuelige.",
        "Faglig Sundhedsklynge Syd behandlede sagen på sit møde i oktober og anbefaler, at indsatsen videreføres i sundhedsrådet.",
        "Der er i projektperioden afholdt fire workshops med deltagelse af medarbejdere, ledere og repræsentanter for patientforeningerne.",
        "Erfaringerne viser, at en fast kontaktperson i hver sektor nedbringer antallet af uafklarede henvendelser.",
        "Region Hovedstaden har tilkendegivet, at den er indstillet på at bidrage med data fra hospitalernes patientadministrative systemer.",
        "Kommunerne har samtidig peget på behovet for en fælles forståelse af, hvornår en borger er færdigbehandlet.",
        "Projektets økonomi holder sig inden for den ramme, klyngen afsatte på mødet den 18. marts 2024.",
        "Der er ikke behov for yderligere midler i 2025, men en videreførelse i 2026 kræver, at parterne finder finansiering.",
        "PLO-Hovedstaden har deltaget i arbejdet og bakker op om den foreslåede model for opgavefordeling.",
        "Indsatsen følger de seks pejlemærker fra KL og Danske Regioner for det nære sundhedsvæsen.",
        "Sekretariatet foreslår, at der udarbejdes en fælles status til det kommende sundhedsråd i første kvartal af 2026.",
        "Borgerne skal opleve et sundhedsvæsen, hvor de ikke selv skal bære informationen mellem sektorerne.",
        "Der er udarbejdet et notat, som beskriver de væsentligste resultater og anbefalinger (se bilag).",
        "Evalueringen er gennemført af en ekstern konsulent og bygger på interview med 42 borgere og 31 medarbejdere.",
        "Resultaterne peger på, at særligt borgere med flere kroniske sygdomme har gavn af en koordineret indsats.",
        "Hvidovre, Brøndby, Ishøj, Vallensbæk, Albertslund, Glostrup og Rødovre kommuner indgår i samarbejdet.",
        "Amager og Hvidovre Hospital varetager hospitalsdelen og har udpeget en projektleder til indsatsen.",
        "Den samlede udgift for 2025 udgør 1,2 mio. kr., som afholdes af klyngemidlerne.",
        "Arbejdet koordineres med de øvrige sundhedsklynger i regionen, så erfaringerne kan udbredes.",
        "Der lægges op til, at klyngen drøfter, hvilke elementer der skal prioriteres i overgangsåret.",
        "Den videre proces aftales med sekretariatet for det forberedende sundhedsråd.",
        "Sagen har været drøftet med de faglige netværk for sygepleje, genoptræning og medicin.",
    ];

    private static readonly string[] Clauses =
    [
        "at Politisk Sundhedsklynge Syd tager orienteringen til efterretning.",
        "at Politisk Sundhedsklynge Syd godkender den foreslåede model og dens tidsplan.",
        "at Politisk Sundhedsklynge Syd drøfter sagen og giver sine anbefalinger videre til det kommende sundhedsråd.",
        "at sekretariatet udarbejder en status til næste møde.",
    ];

    public static string ItemTitle(int number) => Titles[number - 1];

    /// <summary>The meeting, with its items and attachments, published (a late publication, with its reason).</summary>
    public static Meeting Meeting(int bodyId, DateTimeOffset now)
    {
        var random = new Random(20251202);
        var meeting = new Meeting
        {
            BodyId = bodyId,
            Kind = MeetingKind.Ordinary,
            Date = Date,
            Start = new TimeOnly(9, 0),
            End = new TimeOnly(13, 0),
            Location = "Hvidovre Rådhus, Hvidovrevej 278, 2650 Hvidovre, mødesal 1",
        };
        for (var n = 1; n <= Items; n++)
        {
            var kind = n == 1 ? ItemKind.Approval
                : n == Items ? ItemKind.AnyOtherBusiness
                : (n % 3) switch { 0 => ItemKind.Decision, 1 => ItemKind.Discussion, _ => ItemKind.Information };
            var title = n == 1 ? "Velkomst og godkendelse af dagsorden" : ItemTitle(n);
            var item = new AgendaItem
            {
                Title = title,
                Kind = kind,
                Position = n,
                // 40 items in the four hours from 9.00 to 13.00.
                DurationMinutes = n % 5 == 0 ? 10 : 5,
                Background = Paragraphs(random, n % 3 == 0 ? 2 : 1),
                Presentation = Paragraphs(random, 2),
                Economy = n % 4 == 0 ? Paragraphs(random, 1) : null,
                FurtherProcess = n % 2 == 0 ? Paragraphs(random, 1) : null,
                Recommendation = [Clauses[n % Clauses.Length], .. n % 3 == 0 ? new[] { Clauses[3] } : []],
            };
            var content = AttachmentPdf(n, $"Notat til punkt {n}: {title}", random);
            item.Attachments.Add(new Attachment
            {
                Title = $"Notat til punkt {n}",
                FileName = $"notat-punkt-{n:00}.pdf",
                ContentType = "application/pdf",
                Size = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
                Order = 1,
                UploadedAt = now,
            });
            meeting.Items.Add(item);
        }
        Check(meeting.StartAgenda());
        Check(meeting.PublishAgenda(now));
        meeting.AgendaLateReason = "Syntetisk dagsorden til benchmark (bench/documents.sh).";
        return meeting;
    }

    private static void Check(Domain.Common.Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>One of the synthetic agenda's sentences (the search benchmark's archive is written with them too).</summary>
    public static string Sentence(Random random) => Sentences[random.Next(Sentences.Length)];

    private static string Paragraphs(Random random, int count) =>
        string.Join("\n\n", Enumerable.Range(0, count).Select(_ =>
            string.Join(" ", Enumerable.Range(0, random.Next(3, 6)).Select(_ => Sentences[random.Next(Sentences.Length)]))));

    /// <summary>
    /// A 3-page attachment with a heading and a page of text on each page, in the standard Helvetica (not embedded).
    /// PdfPig's standard fonts have no æ, ø and å, so the attachments spell them ae, oe and aa.
    /// </summary>
    public static byte[] AttachmentPdf(int number, string title, Random random)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var page = 1; page <= PagesPerAttachment; page++)
        {
            var p = builder.AddPage(PageSize.A4);
            p.AddText(Plain(title), 13, new PdfPoint(72, 770), bold);
            p.AddText($"Bilag til punkt {number}, side {page} af {PagesPerAttachment}", 9, new PdfPoint(72, 752), font);
            var y = 726.0;
            while (y > 80)
            {
                foreach (var line in Wrap(Paragraphs(random, 1), 92))
                {
                    if (y <= 80)
                    {
                        break;
                    }
                    p.AddText(Plain(line), 10, new PdfPoint(72, y), font);
                    y -= 14;
                }
                y -= 8;
            }
        }
        return builder.Build();
    }

    private static string Plain(string text) => text
        .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)
        .Replace("Æ", "Ae", StringComparison.Ordinal).Replace("Ø", "Oe", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal)
        .Replace("–", "-", StringComparison.Ordinal);

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}

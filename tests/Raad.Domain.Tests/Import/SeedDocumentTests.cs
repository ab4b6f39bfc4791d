using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Domain.People;

namespace Raad.Domain.Tests.Import;

/// <summary>The five seed documents against results written by hand from reading them.</summary>
public class SeedDocumentTests
{
    [Fact]
    public void Agenda_of_27_August_2025()
    {
        var doc = Expect.ParseSeed("000");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Agenda, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal("Politisk Sundhedsklynge Syd", m.BodyName);
        Assert.Equal("Dagsorden", m.Title);
        Assert.Equal(MeetingKind.Ordinary, m.Kind);
        Assert.Equal(new DateOnly(2025, 8, 27), m.Date);
        Assert.Equal(new TimeOnly(14, 0), m.Start);
        Assert.Equal(new TimeOnly(16, 0), m.End);
        Assert.Equal("Ishøj Rådhus (Ishøj Store Torv 20, 2635 Ishøj) Byrådssalen på 2. etage", m.Place);
        Assert.False(m.IsVirtual);
        Assert.Equal(8, m.DateLine);

        Expect.Items(m,
            new(1, "Velkomst og godkendelse af dagsorden", ItemKind.Approval, 5, 1, false),
            new(2, "Afrapportering fra projekter i sundhedsklynge syd", ItemKind.Discussion, 50, 2, false,
                Attachments: ["Notat, Opsamling af hovedpointer fra projekter"]),
            new(3, "Sundhedsreform", ItemKind.Information, 25, 1, false),
            new(4, "Overgangen fra sundhedsklynge til sundhedsråd", ItemKind.Discussion, 25, 1, false,
                Attachments:
                [
                    "Region Hovedstadens brev til opmand Per Okkels vedr. navne til sundhedsråd og Københavns Kommunes geografiske placering i to sundhedsråd",
                    "Svar på skrivelse af 3. juni 2025 vedr. sundhedsråd",
                ]),
            new(5, "Økonomiopfølgning på sundhedsklyngemidler", ItemKind.Information, 10, 1, false),
            new(6, "Eventuelt", ItemKind.AnyOtherBusiness, 5, 0, false));
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void Agenda_of_27_August_2025_lists_members_by_group_advisors_guests_and_secretariat()
    {
        var m = Expect.ParseSeed("000").Meeting!;
        var members = m.Participants.Where(p => p.Role is MembershipRole.Member or MembershipRole.CoChair).ToList();
        Assert.Equal(4, members.Count(p => p.Group == MemberGroup.Regional));
        Assert.Equal(11, members.Count(p => p.Group == MemberGroup.Municipal));
        Assert.Equal(2, members.Count(p => p.Group == MemberGroup.GeneralPractice));
        Assert.Equal(["Lars Gaardhøj", "Merete Amdisen"], m.Participants.Where(p => p.Role == MembershipRole.CoChair).Select(p => p.Name));

        var advisors = m.Participants.Where(p => p.Role == MembershipRole.Advisor).ToList();
        Assert.Equal(6, advisors.Count(p => p.Group == MemberGroup.Regional));
        Assert.Equal(12, advisors.Count(p => p.Group == MemberGroup.Municipal));
        Assert.Equal(1, advisors.Count(p => p.Group == MemberGroup.GeneralPractice));
        Assert.Equal(4, m.Participants.Count(p => p.Role == MembershipRole.Guest));
        Assert.Equal(2, m.Participants.Count(p => p.Role == MembershipRole.Secretariat));
        Assert.Equal(17 + 19 + 4 + 2, m.Participants.Count);
        Assert.DoesNotContain(m.Participants, p => p.Absent);

        var lars = m.Participants.Single(p => p.Name == "Lars Gaardhøj");
        Assert.Equal(("Regionsrådsformand", "A", "Region Hovedstaden", MemberGroup.Regional), (lars.Title, lars.Party, lars.Organisation, lars.Group));
        var grethe = m.Participants.Single(p => p.Name == "Grethe Olivia Nielsson");
        Assert.Equal(("regionspolitiker", "Ø", MembershipRole.Member), (grethe.Title, grethe.Party, grethe.Role));
        var sisse = m.Participants.Single(p => p.Name == "Sisse Marie Welling");
        Assert.Equal(("borgmester", "SF"), (sisse.Title, sisse.Party));
        Assert.StartsWith("Københavns Kommune", sisse.Organisation);
        var niels = m.Participants.Single(p => p.Name == "Niels Dreisler");
        Assert.Equal(("praktiserende læge", null, "PLO-Hovedstaden", MemberGroup.GeneralPractice), (niels.Title, niels.Party, niels.Organisation, niels.Group));
        var birgitte = m.Participants.Single(p => p.Name == "Birgitte Rav Degenkov");
        Assert.Equal((MembershipRole.Advisor, "hospitalsdirektør", "Amager- og Hvidovre Hospital"), (birgitte.Role, birgitte.Title, birgitte.Organisation));
        var markus = m.Participants.Single(p => p.Name == "Markus Hahn");
        Assert.Equal((MembershipRole.Advisor, MemberGroup.GeneralPractice, "chefkonsulent"), (markus.Role, markus.Group, markus.Title));
        var louise = m.Participants.Single(p => p.Name == "Louise Søndergaard Ritzau");
        Assert.Equal((MembershipRole.Guest, "Amager og Hvidovre Hospital"), (louise.Role, louise.Organisation));
        var lene = m.Participants.Single(p => p.Name == "Lene Maj Hjortsø Fernando");
        Assert.Equal((MembershipRole.Secretariat, "tværkommunal konsulent", "Ishøj Kommune"), (lene.Role, lene.Title, lene.Organisation));
    }

    [Fact]
    public void Minutes_of_18_January_2023()
    {
        var doc = Expect.ParseSeed("001");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Minutes, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal("Politisk sundhedsklynge Syd", m.BodyName);
        Assert.Equal(new DateOnly(2023, 1, 18), m.Date);
        Assert.Equal(new TimeOnly(9, 0), m.Start);
        Assert.Equal(new TimeOnly(11, 0), m.End);
        Assert.Null(m.Place);
        Assert.False(m.IsVirtual);

        Expect.Items(m,
            new(1, "Velkomst og godkendelse af dagsorden", ItemKind.Approval, 5, 1, true),
            new(2, "Beslutning om principper for anvendelse af midler og ressourcer", ItemKind.Decision, 20, 2, true),
            new(3, "Beslutning om indsatser på det somatiske område for 2023", ItemKind.Decision, 30, 2, true,
                Attachments: ["Den gode overgang", "Tværsektoriel indsats om overvægt", "Den gode start på livet – fælles ammeindsats"]),
            new(4, "Orientering om kortlægning af processer i samarbejdet mellem psykiatrien og kommunerne og beslutning om indsatser på det psykiatriske område for 2023",
                ItemKind.Information, 30, 3, true),
            new(5, "Drøftelse af sundhedsaftale", ItemKind.Discussion, 20, 1, true,
                Attachments: ["Tidsplan for sundhedsaftale 2017-2024", "Rammeoplæg for den kommende sundhedsaftale"]),
            new(6, "Beslutning om mødeplan for 2023 – 2025", ItemKind.Decision, 5, 1, true),
            new(7, "Beslutning om endelig udformning af forretningsorden", ItemKind.Decision, 5, 1, true, Attachments: ["Forretningsorden"]),
            new(8, "Meddelelse", ItemKind.Announcement, null, 0, false, Attachments: ["Datapakken"]),
            new(9, "Evt", ItemKind.AnyOtherBusiness, null, 0, false));

        var item2 = m.Items[1];
        Assert.StartsWith("Indstillingen blev tiltrådt.", item2.Decision);
        Assert.Contains("udviklings- og forbedringsmodel", item2.Recommendation[1]);
        Assert.Contains("Herunder, at der etableres 2-årige stillinger.", item2.Decision);
        Assert.StartsWith("Politisk sundhedsklynge Syds medlemmer godkendte dagsordenen som grundlag for mødet.", m.Items[0].Decision);
        Assert.Contains("Lone Bjørklund", m.Items[3].Presenters);
        // The place is not in the document: said, not guessed.
        Assert.Contains(doc.Warnings, w => w.Message.Contains("Mødestedet", StringComparison.Ordinal));
    }

    [Fact]
    public void Extraordinary_virtual_agenda_of_26_April_2023()
    {
        var doc = Expect.ParseSeed("002");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Agenda, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal(MeetingKind.Extraordinary, m.Kind);
        Assert.Equal("Politisk sundhedsklynge Syd", m.BodyName);
        Assert.Equal(new DateOnly(2023, 4, 26), m.Date);
        Assert.Equal(new TimeOnly(14, 0), m.Start);
        Assert.Equal(new TimeOnly(15, 0), m.End);
        Assert.True(m.IsVirtual);
        Assert.Null(m.Place);

        Expect.Items(m,
            new(1, "Velkomst og godkendelse af dagsorden", ItemKind.Approval, 5, 1, false),
            new(2, "Beslutning om indsatser på det psykiatriske område for 2023", ItemKind.Decision, 25, 1, false,
                Attachments: ["Forslag til indsatser: Implementering af eksisterende aftaler"]),
            new(3, "Beslutning om midler til indsatser på det somatiske område for 2023", ItemKind.Decision, 30, 2, false,
                Attachments: ["Den gode start på livet – fælles ammeindsats", "Tværsektoriel indsats om overvægt"]));

        Assert.Equal(17, m.Participants.Count(p => p.Role is MembershipRole.Member or MembershipRole.CoChair));
        Assert.Equal(2, m.Participants.Count(p => p.Role == MembershipRole.CoChair));
        Assert.Equal(19, m.Participants.Count(p => p.Role == MembershipRole.Advisor));
        Assert.Equal(2, m.Participants.Count(p => p.Role == MembershipRole.Secretariat));
        // No group headings in this document: no group is guessed.
        Assert.All(m.Participants, p => Assert.Null(p.Group));
        Assert.Contains(m.Participants, p => p.Name == "Emilie Haug Rasch" && p.Organisation == "Region Hovedstaden");
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void Minutes_of_Holbaek_29_October_2025()
    {
        var doc = Expect.ParseSeed("003");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Minutes, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal("HOL Sundhedsklynge Politisk Forum", m.BodyName);
        Assert.Equal("Referat", m.Title);
        Assert.Equal(new DateOnly(2025, 10, 29), m.Date);
        Assert.Equal(5, m.DateLine);
        Assert.Equal(new TimeOnly(10, 0), m.Start);
        Assert.Null(m.End);
        Assert.True(m.IsVirtual);
        Assert.Null(m.Place);

        string[] absent = ["Christina Krzyrosiak Hansen", "Mette Touborg"];
        Expect.Items(m,
            new(1, "Godkendelse af dagsorden", ItemKind.Approval, null, 1, true, absent),
            new(2, "Temadrøftelse af sundhedsreformen", ItemKind.Discussion, null, 1, true, absent,
                ["Plancher Susanne Poulsen", "Faktaark sundhedsreform", "Aftale om sundhedsreform 2024", "Seks pejlemaerker KL og Danske Regioner"]),
            new(3, "Anbefalinger fra Politisk Forum til kommende sundhedsråd", ItemKind.Decision, null, 2, true, absent),
            new(4, "Eventuelt", ItemKind.AnyOtherBusiness, null, 0, true, absent),
            new(5, "Godkendelse af referat", ItemKind.Approval, null, 1, false, absent));

        var first = m.Items[0];
        Assert.Equal(("EMN-2022-04994", "12345737"), (first.CaseNumber, first.DocumentId));
        Assert.Equal("at dagsordenen godkendes.", first.Recommendation[0]);
        Assert.Equal("Det vendes, om dagsordenen kan godkendes.", first.Summary);
        Assert.Equal("Sagen er ikke forbundet med udgifter, der kræver særskilt stillingtagen.", first.Economy);
        Assert.Null(first.PreviousDecisions);
        Assert.Equal(14, m.Participants.Count);
        Assert.Contains(m.Participants, p => p.Name == "Morten Helleberg Christiansen");

        // Item 3's kind is not in its title, and item 4's recommendation has no clauses: both said, with their lines.
        Assert.Contains(doc.Warnings, w => w.Line == 170 && w.Message.Contains("punkttypen", StringComparison.Ordinal));
        Assert.Contains(doc.Warnings, w => w.Line == 297 && w.Message.Contains("at-led", StringComparison.Ordinal));
        Assert.Contains(doc.Warnings, w => w.Line == 334 && w.Message.Contains("ingen beslutning", StringComparison.Ordinal));
    }

    [Fact]
    public void Annexes_of_January_2023_with_the_rules_of_procedure()
    {
        var doc = Expect.ParseSeed("004");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Annexes, doc.Kind);
        Assert.Null(doc.Meeting);
        var annexes = doc.Annexes!;
        Assert.Contains("DEN GODE OVERGANG – FRA INDLÆGGELSE TIL UDSKRIVELSE", annexes.Titles);
        Assert.Contains("OVERVÆGT", annexes.Titles);
        Assert.Contains("Forretningsorden for Polisk sundhedsklynge Syd", annexes.Titles);

        var r = annexes.Rules!;
        Assert.Equal("Forretningsorden for Polisk sundhedsklynge Syd", r.Title);
        Assert.Equal((4, 11, 2), (r.RegionalSeats, r.MunicipalSeats, r.GeneralPracticeSeats));
        Assert.True(r.SubstitutesAllowed);
        Assert.Equal(2, r.MinOrdinaryMeetingsPerYear);
        Assert.Equal(28, r.ItemRequestLeadDays);
        Assert.Equal(10, r.AgendaNoticeDays);
        Assert.Equal(10, r.MinutesDispatchDays);
        Assert.Equal(8, r.ObjectionWindowDays);
        Assert.True(r.WrittenProcedureAllowed);
        Assert.Equal(1, r.WrittenProcedureObjectionsToMeeting);
        Assert.Equal(21, r.OrdinaryNoticeDays);
        Assert.Equal(0.5m, r.QuorumShare);
        Assert.Equal(new DateOnly(2022, 9, 28), r.ValidFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), r.ValidTo);
        // Each value names its line: § 3 stk. 2 is on line 1413, § 6 on lines 1535-1537.
        Assert.Equal(1413, r.Lines[nameof(ParsedRules.ItemRequestLeadDays)]);
        Assert.Equal(1535, r.Lines[nameof(ParsedRules.ValidFrom)]);
        Assert.Equal(15, r.Lines.Count);
    }
}

using System.Globalization;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.People;

public class MembershipTests
{
    private const string SydValidity = "28. september 2022 til 31. december 2025";

    // ---- IsActiveOn ---------------------------------------------------------------------------

    [Theory]
    [InlineData("2022-09-27", false)]
    [InlineData("2022-09-28", true)]
    [InlineData("2023-04-26", true)]
    [InlineData("2023-12-31", true)]
    [InlineData("2024-01-01", false)]
    public void Membership_is_active_from_its_first_to_its_last_day_inclusive(string date, bool active)
    {
        var emilie = new Membership { From = new DateOnly(2022, 9, 28), To = new DateOnly(2023, 12, 31) };

        Assert.Equal(active, emilie.IsActiveOn(Date(date)));
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    [InlineData("2099-12-31", true)]
    public void Membership_without_an_end_is_active_from_its_first_day_on(string date, bool active)
    {
        var grethe = new Membership { From = new DateOnly(2024, 1, 1) };

        Assert.Equal(active, grethe.IsActiveOn(Date(date)));
    }

    [Fact]
    public void One_day_membership_is_active_on_that_day_only()
    {
        var guest = new Membership { Role = MembershipRole.Guest, From = Syd.August2025, To = Syd.August2025 };

        Assert.False(guest.IsActiveOn(Syd.August2025.AddDays(-1)));
        Assert.True(guest.IsActiveOn(Syd.August2025));
        Assert.False(guest.IsActiveOn(Syd.August2025.AddDays(1)));
    }

    [Theory]
    [InlineData(MembershipRole.Member, true)]
    [InlineData(MembershipRole.CoChair, true)]
    [InlineData(MembershipRole.Substitute, false)]
    [InlineData(MembershipRole.Advisor, false)]
    [InlineData(MembershipRole.Observer, false)]
    [InlineData(MembershipRole.Guest, false)]
    [InlineData(MembershipRole.Secretariat, false)]
    public void Only_members_and_co_chairs_vote(MembershipRole role, bool votes)
    {
        Assert.Equal(votes, new Membership { Role = role }.IsVotingMember);
    }

    // ---- Validate -----------------------------------------------------------------------------

    [Theory]
    [InlineData(MembershipRole.Member, MemberGroup.Municipal, "2022-09-28", null, null)]
    [InlineData(MembershipRole.CoChair, MemberGroup.Regional, "2022-09-28", "2025-12-31", null)]
    [InlineData(MembershipRole.Substitute, null, "2023-01-01", null, 8)]
    [InlineData(MembershipRole.Advisor, null, "2022-09-28", null, null)]
    [InlineData(MembershipRole.Guest, null, "2025-08-27", "2025-08-27", null)]
    [InlineData(MembershipRole.Secretariat, null, "2022-09-28", null, null)]
    // Starting on the body's last day, or ending on its first, still overlaps the body.
    [InlineData(MembershipRole.Member, MemberGroup.GeneralPractice, "2025-12-31", null, null)]
    [InlineData(MembershipRole.Member, MemberGroup.GeneralPractice, "2022-01-01", "2022-09-28", null)]
    // A membership that began before the body and runs on overlaps it too.
    [InlineData(MembershipRole.Member, MemberGroup.GeneralPractice, "2021-01-01", null, null)]
    public void Valid_membership_passes(MembershipRole role, MemberGroup? group, string from, string? to, int? standsInForId)
    {
        var v = Membership.Validate(role, group, Date(from), OptionalDate(to), standsInForId, Syd.Body());

        Assert.True(v.IsValid, string.Join("; ", v.Errors.Select(e => e.Code)));
    }

    [Fact]
    public void Membership_cannot_end_before_it_begins()
    {
        var v = Membership.Validate(MembershipRole.Member, MemberGroup.Regional, new DateOnly(2024, 1, 1), new DateOnly(2023, 12, 31), null, Syd.Body());

        var error = Assert.Single(v.Errors);
        Assert.Equal("membership.period_inverted", error.Code);
        Assert.Equal(nameof(Membership.To), error.Field);
        Assert.Equal("Medlemskabet kan ikke slutte, før det begynder.", error.Message);
    }

    [Fact]
    public void Substitute_must_stand_in_for_a_member()
    {
        var v = Membership.Validate(MembershipRole.Substitute, null, Syd.ValidFrom, null, null, Syd.Body());

        var error = Assert.Single(v.Errors);
        Assert.Equal("membership.substitute_without_member", error.Code);
        Assert.Equal(nameof(Membership.StandsInForId), error.Field);
        Assert.Equal("En suppleant skal stå for et bestemt medlem.", error.Message);
    }

    [Theory]
    [InlineData(MembershipRole.Member)]
    [InlineData(MembershipRole.CoChair)]
    public void Member_or_co_chair_must_have_a_group(MembershipRole role)
    {
        var v = Membership.Validate(role, null, Syd.ValidFrom, null, null, Syd.Body());

        var error = Assert.Single(v.Errors);
        Assert.Equal("membership.group_required", error.Code);
        Assert.Equal(nameof(Membership.Group), error.Field);
        Assert.Equal("Vælg gruppen (Regional, Kommunal eller Almen praksis) for et medlem.", error.Message);
    }

    [Theory]
    [InlineData("2026-01-01", null)]
    [InlineData("2027-01-01", "2030-12-31")]
    public void Membership_cannot_begin_after_the_bodys_validity(string from, string? to)
    {
        var v = Membership.Validate(MembershipRole.Member, MemberGroup.Municipal, Date(from), OptionalDate(to), null, Syd.Body());

        var error = Assert.Single(v.Errors);
        Assert.Equal("membership.after_body", error.Code);
        Assert.Equal(nameof(Membership.From), error.Field);
        Assert.Equal($"Medlemskabet begynder efter udvalgets periode ({SydValidity}).", error.Message);
    }

    [Fact]
    public void Membership_cannot_end_before_the_bodys_validity()
    {
        var v = Membership.Validate(MembershipRole.Member, MemberGroup.Municipal, new DateOnly(2021, 1, 1), new DateOnly(2022, 9, 27), null, Syd.Body());

        var error = Assert.Single(v.Errors);
        Assert.Equal("membership.before_body", error.Code);
        Assert.Equal(nameof(Membership.To), error.Field);
        Assert.Equal($"Medlemskabet slutter før udvalgets periode ({SydValidity}).", error.Message);
    }

    [Fact]
    public void Body_without_an_end_names_its_start_in_the_message()
    {
        var council = new Body { Name = "Sundhedsråd Amager og Vestegnen", ValidFrom = new DateOnly(2027, 1, 1) };

        var v = Membership.Validate(MembershipRole.Member, MemberGroup.Regional, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), null, council);

        Assert.Equal("Medlemskabet slutter før udvalgets periode (fra 1. januar 2027).", Assert.Single(v.Errors).Message);
        Assert.True(Membership.Validate(MembershipRole.Member, MemberGroup.Regional, new DateOnly(2040, 1, 1), null, null, council).IsValid);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var v = Membership.Validate(MembershipRole.Substitute, null, new DateOnly(2026, 6, 1), new DateOnly(2026, 1, 1), null, Syd.Body());

        Assert.Equal(["membership.period_inverted", "membership.substitute_without_member", "membership.after_body"], v.Errors.Select(e => e.Code));
    }

    // ---- Membership changes over the term (domain.md) ----------------------------------------

    [Fact]
    public void In_april_2023_emilie_haug_rasch_and_kent_max_magelund_hold_the_seats()
    {
        var names = SeatNamesOn(Syd.April2023);

        Assert.Contains("Emilie Haug Rasch", names);
        Assert.Contains("Kent Max Magelund", names);
        Assert.DoesNotContain("Grethe Olivia Nielsson", names);
        Assert.DoesNotContain("Maja Højgaard", names);
    }

    [Fact]
    public void In_august_2025_grethe_olivia_nielsson_and_maja_hoejgaard_hold_the_seats()
    {
        var names = SeatNamesOn(Syd.August2025);

        Assert.Contains("Grethe Olivia Nielsson", names);
        Assert.Contains("Maja Højgaard", names);
        Assert.DoesNotContain("Emilie Haug Rasch", names);
        Assert.DoesNotContain("Kent Max Magelund", names);
    }

    [Theory]
    [InlineData("2023-04-26")]
    [InlineData("2023-12-31")]
    [InlineData("2024-01-01")]
    [InlineData("2025-08-27")]
    public void Syd_has_17_seats_4_regional_11_municipal_2_general_practice_on_every_meeting_date(string date)
    {
        var seats = MemberList.Seats(Syd.Memberships(), Date(date));

        Assert.Equal(17, seats.Count);
        Assert.Equal(4, seats.Count(s => s.Group == MemberGroup.Regional));
        Assert.Equal(11, seats.Count(s => s.Group == MemberGroup.Municipal));
        Assert.Equal(2, seats.Count(s => s.Group == MemberGroup.GeneralPractice));
    }

    [Fact]
    public void Every_membership_of_syd_is_valid_for_the_body()
    {
        var body = Syd.Body();

        Assert.All(Syd.Memberships(), m =>
            Assert.True(Membership.Validate(m.Role, m.Group, m.From, m.To, m.StandsInForId, body).IsValid, m.Person!.Name));
    }

    [Fact]
    public void Active_list_of_a_date_includes_advisors_and_secretariat_but_only_that_days_guests()
    {
        var august = MemberList.ActiveOn(Syd.Memberships(), Syd.August2025);
        var april = MemberList.ActiveOn(Syd.Memberships(), Syd.April2023);

        Assert.Contains(august, m => m.Role == MembershipRole.Guest);
        Assert.DoesNotContain(april, m => m.Role == MembershipRole.Guest);
        Assert.Equal(4, april.Count(m => m.Role == MembershipRole.Advisor));
        Assert.Equal(2, april.Count(m => m.Role == MembershipRole.Secretariat));
    }

    // ---- Names --------------------------------------------------------------------------------

    [Theory]
    [InlineData("borgmester", "A", "borgmester (A)")]
    [InlineData("praktiserende læge", null, "praktiserende læge")]
    [InlineData("praktiserende læge", "", "praktiserende læge")]
    [InlineData(null, "Ø", "(Ø)")]
    [InlineData("", "Ø", "(Ø)")]
    [InlineData(null, null, "")]
    public void Title_and_party_print_as_the_documents_do(string? title, string? party, string expected)
    {
        Assert.Equal(expected, new Person { Name = "X", Title = title, Party = party }.TitleAndParty);
    }

    [Theory]
    [InlineData(MembershipRole.Member, "Medlem")]
    [InlineData(MembershipRole.CoChair, "Medformand")]
    [InlineData(MembershipRole.Substitute, "Suppleant")]
    [InlineData(MembershipRole.Advisor, "Bisidder")]
    [InlineData(MembershipRole.Observer, "Observatør")]
    [InlineData(MembershipRole.Guest, "Gæstedeltager")]
    [InlineData(MembershipRole.Secretariat, "Sekretariat")]
    public void Role_has_a_danish_name(MembershipRole role, string danish)
    {
        Assert.Equal(danish, role.Danish());
    }

    [Theory]
    [InlineData(MemberGroup.Regional, "Regional")]
    [InlineData(MemberGroup.Municipal, "Kommunal")]
    [InlineData(MemberGroup.GeneralPractice, "Almen praksis")]
    public void Group_has_a_danish_heading(MemberGroup group, string danish)
    {
        Assert.Equal(danish, group.Danish());
    }

    private static List<string> SeatNamesOn(DateOnly date) =>
        [.. MemberList.Seats(Syd.Memberships(), date).Select(m => m.Person!.Name)];

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDate(string? iso) => iso is null ? null : Date(iso);
}

using Raad.Domain.Procedure;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>
/// Skriftlig proces under Syd's rules: started 25 August 2025 with a deadline of 5 September; one objection ("blot ét
/// medlem") sends the case to a meeting, silence decides it the day after the deadline.
/// </summary>
public class WrittenProcedureTests
{
    private static readonly DateOnly StartedOn = new(2025, 8, 25);
    private static readonly DateTimeOffset StartedAt = At(StartedOn, 10);
    private static readonly DateOnly Deadline = new(2025, 9, 5);

    private const string Title = "Mødeplan for 2026";
    private const string Recommendation = "at Politisk Sundhedsklynge Syd godkender mødeplanen for 2026.";

    // Voting members of Syd on the day (ids as in the test data).
    private const int Gaardhoej = 1;
    private const int Amdisen = 5;
    private const int Dreisler = 17;

    // ---- Start ---------------------------------------------------------------------------------------------

    [Fact]
    public void A_body_without_rules_in_force_cannot_start_a_written_procedure()
    {
        var result = WrittenProcedure.Start(null, 1, 7, Title, Recommendation, Deadline, StartedOn, StartedAt);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal("written.no_rules", error.Code);
        Assert.Equal("Udvalget har ingen forretningsorden i kraft i dag, så en skriftlig proces kan ikke startes.", error.Message);
    }

    [Fact]
    public void Rules_that_do_not_allow_it_refuse_a_written_procedure_by_their_title()
    {
        var rules = SydRules();
        rules.WrittenProcedureAllowed = false;

        var result = WrittenProcedure.Start(rules, 1, 7, Title, Recommendation, Deadline, StartedOn, StartedAt);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal("written.not_allowed", error.Code);
        Assert.Equal(
            "Forretningsorden for Politisk sundhedsklynge Syd tillader ikke skriftlig proces; sagen skal behandles på et møde.",
            error.Message);
    }

    [Fact]
    public void Whether_a_written_procedure_may_start_is_answered_before_any_input_and_the_same_as_start_refuses()
    {
        var forbidding = SydRules();
        forbidding.WrittenProcedureAllowed = false;

        Assert.True(WrittenProcedure.MayStart(SydRules()).IsSuccess);
        Assert.Equal("written.no_rules", Assert.Single(WrittenProcedure.MayStart(null).Errors).Code);
        var refused = Assert.Single(WrittenProcedure.MayStart(forbidding).Errors);
        Assert.Equal(refused, Assert.Single(WrittenProcedure.Start(forbidding, 1, 7, null, null, StartedOn, StartedOn, StartedAt).Errors));
    }

    [Theory]
    [InlineData(null, Recommendation, "2025-09-05", "written.title_required")]
    [InlineData("", Recommendation, "2025-09-05", "written.title_required")]
    [InlineData("   ", Recommendation, "2025-09-05", "written.title_required")]
    [InlineData(Title, null, "2025-09-05", "written.recommendation_required")]
    [InlineData(Title, " \n ", "2025-09-05", "written.recommendation_required")]
    [InlineData(Title, Recommendation, "2025-08-25", "written.deadline_past")]
    [InlineData(Title, Recommendation, "2025-08-24", "written.deadline_past")]
    [InlineData(Title, Recommendation, "2025-01-01", "written.deadline_past")]
    [InlineData(null, null, "2025-08-25", "written.title_required,written.recommendation_required,written.deadline_past")]
    public void Start_needs_a_title_a_recommendation_and_a_deadline_after_today(string? title, string? recommendation, string deadline, string codes)
    {
        var result = WrittenProcedure.Start(SydRules(), 1, 7, title, recommendation, D(deadline), StartedOn, StartedAt);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal(codes.Split(','), result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Each_refusal_of_start_names_its_field_in_danish()
    {
        var result = WrittenProcedure.Start(SydRules(), 1, 7, " ", "", StartedOn, StartedOn, StartedAt);

        Assert.Equal(
            [
                ("written.title_required", "Title", "Skriv en titel på sagen."),
                ("written.recommendation_required", "Recommendation", "Skriv indstillingen, som medlemmerne skal tage stilling til."),
                ("written.deadline_past", "Deadline", "Fristen skal ligge efter i dag."),
            ],
            result.Errors.Select(e => (e.Code, e.Field, e.Message)));
    }

    [Theory]
    [InlineData("2025-08-26")]
    [InlineData("2025-09-05")]
    public void A_deadline_from_tomorrow_on_starts_an_open_procedure(string deadline)
    {
        var result = WrittenProcedure.Start(SydRules(), 1, 7, "  " + Title + " ", Recommendation + "\n", D(deadline), StartedOn, StartedAt);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Errors);
        var p = result.Value!;
        Assert.Equal(1, p.BodyId);
        Assert.Equal(7, p.CaseId);
        Assert.Equal(Title, p.Title);
        Assert.Equal(Recommendation, p.Recommendation);
        Assert.Equal(D(deadline), p.Deadline);
        Assert.Equal(StartedAt, p.StartedAt);
        Assert.Equal(WrittenProcedureStatus.Open, p.Status);
        Assert.Equal(1, p.ObjectionsToMeeting);
        Assert.Empty(p.Answers);
        Assert.Equal(0, p.Objections);
        Assert.Null(p.ClosedAt);
        Assert.Null(p.Decision);
        Assert.Null(p.ReminderSentAt);
    }

    [Fact]
    public void An_open_procedure_shows_its_deadline()
    {
        Assert.Equal("I skriftlig proces til 5. september 2025", Started().StatusText);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(0, 1)]
    public void The_number_of_objections_that_send_the_case_to_a_meeting_comes_from_the_rules_and_is_at_least_1(int inRules, int expected)
    {
        var rules = SydRules();
        rules.WrittenProcedureObjectionsToMeeting = inRules;

        var p = WrittenProcedure.Start(rules, 1, 7, Title, Recommendation, Deadline, StartedOn, StartedAt).Value!;

        Assert.Equal(expected, p.ObjectionsToMeeting);
    }

    // ---- Answers -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(WrittenAnswerKind.Agree, null, null)]
    [InlineData(WrittenAnswerKind.Agree, "   ", null)]
    [InlineData(WrittenAnswerKind.Agree, " Enig i mødeplanen. ", "Enig i mødeplanen.")]
    [InlineData(WrittenAnswerKind.Comment, "Husk Kommunernes Landsforenings møde i marts.", "Husk Kommunernes Landsforenings møde i marts.")]
    [InlineData(WrittenAnswerKind.Object, "Mødet i juni falder i skoleferien.", "Mødet i juni falder i skoleferien.")]
    public void An_answer_is_recorded_with_its_comment_trimmed(WrittenAnswerKind kind, string? comment, string? kept)
    {
        var p = Started(objectionsToMeeting: 2);
        var now = At(new DateOnly(2025, 8, 28), 11);

        var result = p.Answer(Amdisen, kind, comment, new DateOnly(2025, 8, 28), now);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value);
        Assert.Equal(WrittenProcedureStatus.Open, p.Status);
        var answer = Assert.Single(p.Answers);
        Assert.Equal(Amdisen, answer.MembershipId);
        Assert.Equal(kind, answer.Kind);
        Assert.Equal(kept, answer.Comment);
        Assert.Equal(now, answer.AnsweredAt);
    }

    [Theory]
    [InlineData(WrittenAnswerKind.Object, null, "Skriv begrundelsen for indsigelsen; den følger sagen til mødet.")]
    [InlineData(WrittenAnswerKind.Object, "  ", "Skriv begrundelsen for indsigelsen; den følger sagen til mødet.")]
    [InlineData(WrittenAnswerKind.Comment, null, "Skriv bemærkningen.")]
    [InlineData(WrittenAnswerKind.Comment, "\n", "Skriv bemærkningen.")]
    public void An_objection_or_a_comment_needs_text(WrittenAnswerKind kind, string? comment, string message)
    {
        var p = Started();

        var result = p.Answer(Amdisen, kind, comment, new DateOnly(2025, 8, 28), At(new DateOnly(2025, 8, 28), 11));

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("written.comment_required", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal("Comment", error.Field);
        Assert.Empty(p.Answers);
        Assert.Equal(WrittenProcedureStatus.Open, p.Status);
    }

    [Fact]
    public void Under_syds_rules_one_objection_sends_the_case_to_a_meeting()
    {
        var p = Started();
        Assert.False(p.Answer(Gaardhoej, WrittenAnswerKind.Agree, null, new DateOnly(2025, 8, 26), At(new DateOnly(2025, 8, 26), 9)).Value);
        var now = At(new DateOnly(2025, 8, 29), 14);

        var result = p.Answer(Amdisen, WrittenAnswerKind.Object, "Mødet i juni falder i skoleferien.", new DateOnly(2025, 8, 29), now);

        Assert.True(result.IsSuccess);
        Assert.True(result.Value);
        Assert.Equal(WrittenProcedureStatus.SentToMeeting, p.Status);
        Assert.Equal(now, p.ClosedAt);
        Assert.Equal(1, p.Objections);
        Assert.Null(p.Decision);
        Assert.Equal("Skal behandles på et møde", p.StatusText);
    }

    [Theory]
    [InlineData(new[] { Amdisen }, new[] { false }, WrittenProcedureStatus.Open)]
    [InlineData(new[] { Amdisen, Amdisen }, new[] { false, false }, WrittenProcedureStatus.Open)]
    [InlineData(new[] { Amdisen, Dreisler }, new[] { false, true }, WrittenProcedureStatus.SentToMeeting)]
    [InlineData(new[] { Amdisen, Amdisen, Dreisler }, new[] { false, false, true }, WrittenProcedureStatus.SentToMeeting)]
    public void With_two_objections_required_the_first_does_not_send_the_case_to_a_meeting(int[] objectors, bool[] sent, WrittenProcedureStatus status)
    {
        var p = Started(objectionsToMeeting: 2);
        var day = new DateOnly(2025, 8, 26);

        var results = objectors.Select((id, i) => p.Answer(id, WrittenAnswerKind.Object, $"Indsigelse {i + 1}", day.AddDays(i), At(day.AddDays(i), 9))).ToList();

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(sent, results.Select(r => r.Value));
        Assert.Equal(status, p.Status);
        Assert.Equal(objectors.Distinct().Count(), p.Objections);
        Assert.Equal(status == WrittenProcedureStatus.Open, p.ClosedAt is null);
    }

    [Fact]
    public void A_members_later_answer_replaces_the_earlier_one()
    {
        var p = Started(objectionsToMeeting: 2);
        Assert.True(p.Answer(Gaardhoej, WrittenAnswerKind.Agree, null, new DateOnly(2025, 8, 26), At(new DateOnly(2025, 8, 26), 9)).IsSuccess);
        Assert.True(p.Answer(Amdisen, WrittenAnswerKind.Object, "Mødet i juni falder i skoleferien.", new DateOnly(2025, 8, 27), At(new DateOnly(2025, 8, 27), 9)).IsSuccess);
        Assert.Equal(1, p.Objections);
        var later = At(new DateOnly(2025, 9, 1), 16);

        var result = p.Answer(Amdisen, WrittenAnswerKind.Agree, "Juni-mødet er flyttet; jeg er enig.", new DateOnly(2025, 9, 1), later);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value);
        Assert.Equal(0, p.Objections);
        Assert.Equal(2, p.Answers.Count);
        var answer = Assert.Single(p.Answers, a => a.MembershipId == Amdisen);
        Assert.Equal(WrittenAnswerKind.Agree, answer.Kind);
        Assert.Equal("Juni-mødet er flyttet; jeg er enig.", answer.Comment);
        Assert.Equal(later, answer.AnsweredAt);
        Assert.Equal(WrittenAnswerKind.Agree, Assert.Single(p.Answers, a => a.MembershipId == Gaardhoej).Kind);
    }

    [Fact]
    public void A_member_who_agreed_and_then_objects_sends_the_case_to_a_meeting_with_one_answer_on_record()
    {
        var p = Started();
        Assert.False(p.Answer(Amdisen, WrittenAnswerKind.Agree, null, new DateOnly(2025, 8, 26), At(new DateOnly(2025, 8, 26), 9)).Value);

        var result = p.Answer(Amdisen, WrittenAnswerKind.Object, "Ved nærmere eftertanke: juni-mødet falder i skoleferien.", new DateOnly(2025, 9, 2), At(new DateOnly(2025, 9, 2), 9));

        Assert.True(result.Value);
        Assert.Equal(WrittenAnswerKind.Object, Assert.Single(p.Answers).Kind);
        Assert.Equal(WrittenProcedureStatus.SentToMeeting, p.Status);
    }

    [Theory]
    [InlineData("2025-08-25", true)]
    [InlineData("2025-09-04", true)]
    [InlineData("2025-09-05", true)]
    [InlineData("2025-09-06", false)]
    [InlineData("2025-10-01", false)]
    public void Members_can_answer_through_the_deadline_day(string today, bool accepted)
    {
        var p = Started(objectionsToMeeting: 2);

        var result = p.Answer(Amdisen, WrittenAnswerKind.Agree, null, D(today), At(D(today), 12));

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? 1 : 0, p.Answers.Count);
        if (!accepted)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("written.deadline_passed", error.Code);
            Assert.Equal("Fristen for at svare udløb 5. september 2025.", error.Message);
        }
    }

    [Theory]
    [InlineData(WrittenProcedureStatus.SentToMeeting, "Den skriftlige proces er afsluttet (skal behandles på et møde).")]
    [InlineData(WrittenProcedureStatus.Decided, "Den skriftlige proces er afsluttet (afgjort ved skriftlig proces).")]
    public void A_closed_procedure_takes_no_more_answers(WrittenProcedureStatus closedAs, string message)
    {
        var p = closedAs == WrittenProcedureStatus.SentToMeeting ? SentToMeeting() : Decided();
        var answers = p.Answers.Count;
        var closedAt = p.ClosedAt;

        // Before the deadline as well: closed comes first.
        foreach (var today in new[] { new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 8) })
        {
            var result = p.Answer(Gaardhoej, WrittenAnswerKind.Agree, null, today, At(today, 9));

            var error = Assert.Single(result.Errors);
            Assert.Equal("written.closed", error.Code);
            Assert.Equal(message, error.Message);
        }
        Assert.Equal(answers, p.Answers.Count);
        Assert.Equal(closedAs, p.Status);
        Assert.Equal(closedAt, p.ClosedAt);
    }

    // ---- Decision ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-08-26", false)]
    [InlineData("2025-09-04", false)]
    [InlineData("2025-09-05", false)]
    [InlineData("2025-09-06", true)]
    [InlineData("2025-09-30", true)]
    public void The_case_is_decided_from_the_day_after_the_deadline(string today, bool due)
    {
        var p = Started();
        var now = At(D(today), 6);

        Assert.Equal(due, p.IsDueForDecision(D(today)));
        var result = p.Decide(D(today), now);

        Assert.Equal(due, result.IsSuccess);
        if (due)
        {
            Assert.Equal(WrittenProcedureStatus.Decided, p.Status);
            Assert.Equal(now, p.ClosedAt);
            Assert.Equal("Afgjort ved skriftlig proces", p.StatusText);
            Assert.False(p.IsDueForDecision(D(today)));
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("written.not_due", error.Code);
            Assert.Equal("Den skriftlige proces kan først afgøres, når fristen er udløbet.", error.Message);
            Assert.Equal(WrittenProcedureStatus.Open, p.Status);
            Assert.Null(p.ClosedAt);
            Assert.Null(p.Decision);
        }
    }

    [Fact]
    public void The_decision_quotes_the_deadline_and_the_recommendation()
    {
        var p = Decided();

        Assert.Equal(
            "Indstillingen blev godkendt ved skriftlig proces med frist 5. september 2025: at Politisk Sundhedsklynge Syd godkender mødeplanen for 2026.",
            p.Decision);
    }

    [Fact]
    public void Too_few_objections_do_not_stop_the_decision()
    {
        var p = Started(objectionsToMeeting: 2);
        Assert.False(p.Answer(Amdisen, WrittenAnswerKind.Object, "Mødet i juni falder i skoleferien.", new DateOnly(2025, 9, 1), At(new DateOnly(2025, 9, 1), 9)).Value);

        Assert.True(p.Decide(new DateOnly(2025, 9, 6), At(new DateOnly(2025, 9, 6), 6)).IsSuccess);

        Assert.Equal(WrittenProcedureStatus.Decided, p.Status);
        Assert.Equal(1, p.Objections);
    }

    [Fact]
    public void A_case_sent_to_a_meeting_is_never_decided_in_writing()
    {
        var p = SentToMeeting();
        var closedAt = p.ClosedAt;

        Assert.False(p.IsDueForDecision(new DateOnly(2025, 9, 6)));
        var result = p.Decide(new DateOnly(2025, 9, 6), At(new DateOnly(2025, 9, 6), 6));

        Assert.Equal("written.not_due", Assert.Single(result.Errors).Code);
        Assert.Equal(WrittenProcedureStatus.SentToMeeting, p.Status);
        Assert.Equal(closedAt, p.ClosedAt);
        Assert.Null(p.Decision);
    }

    // ---- Reminder ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-08-26", false)]
    [InlineData("2025-09-02", false)]
    [InlineData("2025-09-03", true)]
    [InlineData("2025-09-04", true)]
    [InlineData("2025-09-05", true)]
    [InlineData("2025-09-06", false)]
    public void Members_are_reminded_from_two_days_before_the_deadline_through_the_deadline(string today, bool due)
    {
        Assert.Equal(due, Started().IsDueForReminder(D(today)));
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2025-09-04")]
    [InlineData("2025-09-05")]
    public void Members_are_reminded_only_once(string today)
    {
        var p = Started();
        p.ReminderSentAt = At(new DateOnly(2025, 9, 3), 7);

        Assert.False(p.IsDueForReminder(D(today)));
    }

    [Theory]
    [InlineData(WrittenProcedureStatus.SentToMeeting)]
    [InlineData(WrittenProcedureStatus.Decided)]
    public void A_closed_procedure_sends_no_reminder(WrittenProcedureStatus closedAs)
    {
        var p = closedAs == WrittenProcedureStatus.SentToMeeting ? SentToMeeting() : Decided();

        Assert.False(p.IsDueForReminder(new DateOnly(2025, 9, 4)));
        Assert.False(p.IsDueForReminder(Deadline));
    }

    [Theory]
    [InlineData(3, "2025-09-02", true)]
    [InlineData(3, "2025-09-01", false)]
    [InlineData(0, "2025-09-04", false)]
    [InlineData(0, "2025-09-05", true)]
    public void The_reminder_lead_can_be_set(int daysBefore, string today, bool due)
    {
        Assert.Equal(due, Started().IsDueForReminder(D(today), daysBefore));
    }

    // ---- Builders ------------------------------------------------------------------------------------------

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(2));

    private static WrittenProcedure Started(int objectionsToMeeting = 1)
    {
        var rules = SydRules();
        rules.WrittenProcedureObjectionsToMeeting = objectionsToMeeting;
        var result = WrittenProcedure.Start(rules, 1, 7, Title, Recommendation, Deadline, StartedOn, StartedAt);
        Assert.True(result.IsSuccess);
        return result.Value!;
    }

    private static WrittenProcedure SentToMeeting()
    {
        var p = Started();
        Assert.True(p.Answer(Amdisen, WrittenAnswerKind.Object, "Mødet i juni falder i skoleferien.", new DateOnly(2025, 8, 29), At(new DateOnly(2025, 8, 29), 14)).Value);
        return p;
    }

    private static WrittenProcedure Decided()
    {
        var p = Started();
        Assert.False(p.Answer(Gaardhoej, WrittenAnswerKind.Agree, null, new DateOnly(2025, 8, 26), At(new DateOnly(2025, 8, 26), 9)).Value);
        Assert.True(p.Decide(new DateOnly(2025, 9, 6), At(new DateOnly(2025, 9, 6), 6)).IsSuccess);
        return p;
    }
}

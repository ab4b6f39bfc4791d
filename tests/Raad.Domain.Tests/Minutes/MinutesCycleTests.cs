using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Minutes;

/// <summary>
/// § 3, stk. 5 on the meeting: the minutes of Syd's meeting of 27 August 2025 go out as numbered versions, members object
/// within the window (8 days), the secretariat revises, and the minutes are approved at a meeting or by silence;
/// after approval only corrections are recorded.
/// </summary>
public class MinutesCycleTests
{
    private const int SydWindow = 8;

    /// <summary>The minutes go out on 5 September 2025, so objections are due on 13 September.</summary>
    private static readonly DateOnly SentOn = new(2025, 9, 5);

    private static readonly DateTimeOffset Sent = At(SentOn, 10);
    private static readonly DateOnly Due = new(2025, 9, 13);

    /// <summary>Revised after an objection on 16 September, so objections to version 2 are due on 24 September.</summary>
    private static readonly DateOnly RevisedOn = new(2025, 9, 16);

    private static readonly DateTimeOffset RevisedAt = At(RevisedOn, 9);
    private static readonly DateOnly RevisedDue = new(2025, 9, 24);

    private const string Version1 =
        "Punkt 1. Velkomst og godkendelse af dagsorden\n"
        + "Dagsordenen blev godkendt.\n"
        + "Punkt 3. Sundhedsreform\n"
        + "Orienteringen blev taget til efterretning.";

    private const string Version2 =
        "Punkt 1. Velkomst og godkendelse af dagsorden\n"
        + "Dagsordenen blev godkendt.\n"
        + "Punkt 3. Sundhedsreform\n"
        + "Orienteringen blev taget til efterretning med bemærkning om sundhedsrådets sekretariat.";

    private const string ChangeNote = "Punkt 3: bemærkningen om sundhedsrådets sekretariat er tilføjet efter indsigelse.";

    // ---- Circulating ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(8, "2025-09-05", "2025-09-13")]
    [InlineData(8, "2025-09-06", "2025-09-14")]
    [InlineData(8, "2025-08-28", "2025-09-05")]
    [InlineData(10, "2025-09-05", "2025-09-15")]
    [InlineData(14, "2025-12-20", "2026-01-03")]
    public void Circulating_records_version_1_with_objections_due_window_days_after_today(int window, string today, string due)
    {
        var meeting = Draft();
        var now = At(D(today), 10);

        var result = meeting.CirculateMinutes(Version1, null, window, D(today), now);

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
        Assert.Equal(now, meeting.MinutesCirculatedAt);
        var version = Assert.Single(meeting.MinutesVersions);
        Assert.Equal(1, version.Number);
        Assert.Equal(now, version.IssuedAt);
        Assert.Equal(D(due), version.ObjectionsDue);
        Assert.Equal(Version1, version.Text);
        Assert.Null(version.ChangeNote);
        Assert.Empty(version.Objections);
        Assert.Same(version, meeting.LatestMinutesVersion);
        Assert.Null(meeting.MinutesApprovedAt);
    }

    [Fact]
    public void Syds_minutes_sent_on_5_september_2025_are_open_to_objections_until_13_september()
    {
        var meeting = Circulated();

        Assert.Equal(new DateOnly(2025, 9, 13), meeting.LatestMinutesVersion!.ObjectionsDue);
        Assert.Equal(Sent, meeting.MinutesCirculatedAt);
    }

    [Theory]
    [InlineData(MeetingStatus.Planned, "Planlagt")]
    [InlineData(MeetingStatus.AgendaPublished, "Dagsorden udsendt")]
    [InlineData(MeetingStatus.Held, "Afholdt")]
    [InlineData(MeetingStatus.MinutesApproved, "Referat godkendt")]
    [InlineData(MeetingStatus.Cancelled, "Aflyst")]
    public void Minutes_are_circulated_only_from_the_draft(MeetingStatus from, string danish)
    {
        var meeting = MeetingIn(from);

        var result = meeting.CirculateMinutes(Version1, null, SydWindow, SentOn, Sent);

        var error = Assert.Single(result.Errors);
        Assert.Equal("meeting.invalid_transition", error.Code);
        Assert.Equal($"Et møde med status \"{danish}\" kan ikke få status \"Referat udsendt\".", error.Message);
        Assert.Equal(from, meeting.Status);
        Assert.Empty(meeting.MinutesVersions);
        Assert.Null(meeting.MinutesCirculatedAt);
    }

    [Fact]
    public void Circulated_minutes_must_be_taken_back_before_a_revised_version_goes_out()
    {
        var meeting = Circulated();

        var result = meeting.CirculateMinutes(Version2, ChangeNote, SydWindow, RevisedOn, RevisedAt);

        Assert.Equal("meeting.invalid_transition", Assert.Single(result.Errors).Code);
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
        Assert.Single(meeting.MinutesVersions);
    }

    [Fact]
    public void MoveTo_cannot_circulate_the_minutes_without_the_named_step()
    {
        var meeting = Draft();

        var result = meeting.MoveTo(MeetingStatus.MinutesCirculated);

        var error = Assert.Single(result.Errors);
        Assert.Equal("meeting.use_named_step", error.Code);
        Assert.Equal(
            "Status \"Referat udsendt\" sættes kun ved at udsende dagsordenen, udsende eller godkende referatet eller aflyse mødet.",
            error.Message);
        Assert.Equal(MeetingStatus.MinutesDraft, meeting.Status);
        Assert.Empty(meeting.MinutesVersions);
    }

    // ---- Revising ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void A_revised_version_without_a_change_note_is_refused(string? note)
    {
        var meeting = Revising();

        var result = meeting.CirculateMinutes(Version2, note, SydWindow, RevisedOn, RevisedAt);

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.change_note_required", error.Code);
        Assert.Equal("Skriv, hvad der er rettet i den reviderede udgave; medlemmerne ser det sammen med ændringerne.", error.Message);
        Assert.Equal(nameof(MinutesVersion.ChangeNote), error.Field);
        Assert.Equal(MeetingStatus.MinutesDraft, meeting.Status);
        Assert.Equal([1], meeting.MinutesVersions.Select(v => v.Number));
    }

    [Fact]
    public void A_revised_version_with_the_same_text_is_refused()
    {
        var meeting = Revising();

        var result = meeting.CirculateMinutes(Version1, ChangeNote, SydWindow, RevisedOn, RevisedAt);

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.unchanged", error.Code);
        Assert.Equal("Referatet er ikke ændret siden udgave 1. Ret det, før en revideret udgave udsendes.", error.Message);
        Assert.Equal(MeetingStatus.MinutesDraft, meeting.Status);
        Assert.Equal([1], meeting.MinutesVersions.Select(v => v.Number));
    }

    [Fact]
    public void The_unchanged_check_names_the_latest_version()
    {
        var meeting = RevisedOnce();
        Assert.True(meeting.ReviseMinutes().IsSuccess);

        var result = meeting.CirculateMinutes(Version2, "Ingen ændringer.", SydWindow, new DateOnly(2025, 9, 20), At(new DateOnly(2025, 9, 20), 9));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.unchanged", error.Code);
        Assert.Equal("Referatet er ikke ændret siden udgave 2. Ret det, før en revideret udgave udsendes.", error.Message);
    }

    [Theory]
    [InlineData("2025-09-12", "2025-09-20")]
    [InlineData("2025-09-16", "2025-09-24")]
    [InlineData("2025-10-01", "2025-10-09")]
    public void A_revised_version_is_numbered_2_with_its_own_window_and_a_trimmed_change_note(string revisedOn, string due)
    {
        var meeting = Revising();
        var now = At(D(revisedOn), 9);

        var result = meeting.CirculateMinutes(Version2, "  " + ChangeNote + " \n", SydWindow, D(revisedOn), now);

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
        Assert.Equal([1, 2], meeting.MinutesVersions.Select(v => v.Number));
        var revised = meeting.LatestMinutesVersion!;
        Assert.Equal(2, revised.Number);
        Assert.Equal(now, revised.IssuedAt);
        Assert.Equal(D(due), revised.ObjectionsDue);
        Assert.Equal(Version2, revised.Text);
        Assert.Equal(ChangeNote, revised.ChangeNote);
        Assert.Empty(revised.Objections);
        // The first version is kept as it went out.
        var first = meeting.MinutesVersions.Single(v => v.Number == 1);
        Assert.Equal(Version1, first.Text);
        Assert.Equal(Due, first.ObjectionsDue);
        Assert.Equal(Sent, first.IssuedAt);
        Assert.Single(first.Objections);
    }

    [Fact]
    public void MinutesCirculatedAt_stays_the_first_circulation_through_every_revision_and_approval()
    {
        var meeting = RevisedOnce();
        Assert.True(meeting.ReviseMinutes().IsSuccess);
        var third = At(new DateOnly(2025, 9, 22), 11);
        Assert.True(meeting.CirculateMinutes(Version2 + "\nPunkt 6. Eventuelt\nIntet.", "Punkt 6 er tilføjet.", SydWindow, new DateOnly(2025, 9, 22), third).IsSuccess);
        Assert.True(meeting.ApproveBySilence(new DateOnly(2025, 10, 1), At(new DateOnly(2025, 10, 1), 6)).IsSuccess);

        Assert.Equal(Sent, meeting.MinutesCirculatedAt);
        Assert.Equal([(1, Sent), (2, RevisedAt), (3, third)], meeting.MinutesVersions.Select(v => (v.Number, v.IssuedAt)));
    }

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.AgendaPublished)]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.MinutesDraft)]
    [InlineData(MeetingStatus.MinutesApproved)]
    [InlineData(MeetingStatus.Cancelled)]
    public void Only_circulated_minutes_can_be_revised(MeetingStatus from)
    {
        var meeting = MeetingIn(from);

        var result = meeting.ReviseMinutes();

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.not_circulated", error.Code);
        Assert.Equal("Kun et udsendt referat kan revideres.", error.Message);
        Assert.Equal(from, meeting.Status);
    }

    [Fact]
    public void Revising_takes_the_minutes_back_to_an_editable_draft_and_keeps_the_versions()
    {
        var meeting = Circulated();
        Assert.False(meeting.MinutesAreEditable);

        var result = meeting.ReviseMinutes();

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesDraft, meeting.Status);
        Assert.True(meeting.MinutesAreEditable);
        Assert.Equal(Version1, Assert.Single(meeting.MinutesVersions).Text);
        Assert.Equal(Sent, meeting.MinutesCirculatedAt);
    }

    // ---- Objections -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-09-05", true)]
    [InlineData("2025-09-10", true)]
    [InlineData("2025-09-12", true)]
    [InlineData("2025-09-13", true)]
    [InlineData("2025-09-14", false)]
    [InlineData("2025-10-01", false)]
    public void An_objection_is_accepted_through_the_last_day_of_the_window(string today, bool accepted)
    {
        var meeting = Circulated();
        var now = At(D(today), 15);

        var result = meeting.ObjectToMinutes(19, "Punkt 3 nævner ikke sundhedsrådets sekretariat.", D(today), now);

        Assert.Equal(accepted, result.IsSuccess);
        var version = meeting.LatestMinutesVersion!;
        if (accepted)
        {
            var objection = Assert.Single(version.Objections);
            Assert.Equal(19, objection.PersonId);
            Assert.Equal("Punkt 3 nævner ikke sundhedsrådets sekretariat.", objection.Text);
            Assert.Equal(now, objection.SubmittedAt);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("minutes.objection_window_closed", error.Code);
            Assert.Equal("Fristen for indsigelser mod udgave 1 udløb 13. september 2025.", error.Message);
            Assert.Empty(version.Objections);
        }
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
    }

    [Fact]
    public void The_window_of_a_revised_version_is_counted_from_its_own_circulation()
    {
        var meeting = RevisedOnce();

        Assert.True(meeting.ObjectToMinutes(7, "Punkt 3 er stadig ufuldstændigt.", RevisedDue, At(RevisedDue, 20)).IsSuccess);
        var late = meeting.ObjectToMinutes(8, "For sent.", RevisedDue.AddDays(1), At(RevisedDue.AddDays(1), 8));

        var error = Assert.Single(late.Errors);
        Assert.Equal("minutes.objection_window_closed", error.Code);
        Assert.Equal("Fristen for indsigelser mod udgave 2 udløb 24. september 2025.", error.Message);
        Assert.Equal([7], meeting.LatestMinutesVersion!.Objections.Select(o => o.PersonId));
    }

    [Fact]
    public void The_objection_text_is_kept_trimmed()
    {
        var meeting = Circulated();

        Assert.True(meeting.ObjectToMinutes(19, "  Punkt 3: tilføj bemærkningen. \n", SentOn, Sent).IsSuccess);

        Assert.Equal("Punkt 3: tilføj bemærkningen.", Assert.Single(meeting.LatestMinutesVersion!.Objections).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    public void An_objection_without_text_is_refused(string? text)
    {
        var meeting = Circulated();

        var result = meeting.ObjectToMinutes(19, text, SentOn.AddDays(1), Sent.AddDays(1));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.objection_text_required", error.Code);
        Assert.Equal("Skriv, hvad du gør indsigelse mod, og hvordan det bør stå.", error.Message);
        Assert.Equal(nameof(MinutesObjection.Text), error.Field);
        Assert.Empty(meeting.LatestMinutesVersion!.Objections);
    }

    public static TheoryData<string> NotCirculated() => ["draft", "held", "revising", "approved"];

    [Theory]
    [MemberData(nameof(NotCirculated))]
    public void An_objection_to_minutes_that_are_not_out_is_refused(string state)
    {
        var meeting = state switch
        {
            "draft" => Draft(),
            "held" => MeetingIn(MeetingStatus.Held),
            "revising" => Revising(),
            _ => ApprovedBySilence(),
        };
        var before = meeting.MinutesVersions.Sum(v => v.Objections.Count);

        var result = meeting.ObjectToMinutes(19, "Punkt 3 er forkert.", new DateOnly(2025, 9, 10), At(new DateOnly(2025, 9, 10), 9));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.not_circulated", error.Code);
        Assert.Equal("Der kan kun gøres indsigelse mod et udsendt referat.", error.Message);
        Assert.Equal(before, meeting.MinutesVersions.Sum(v => v.Objections.Count));
    }

    // ---- Approval while objections are open ----------------------------------------------------------------------

    [Theory]
    [InlineData(1, "Der er 1 indsigelse mod udgave 1. Revidér referatet og udsend en ny udgave, før det godkendes.")]
    [InlineData(2, "Der er 2 indsigelser mod udgave 1. Revidér referatet og udsend en ny udgave, før det godkendes.")]
    [InlineData(3, "Der er 3 indsigelser mod udgave 1. Revidér referatet og udsend en ny udgave, før det godkendes.")]
    public void Approval_is_refused_while_the_version_out_has_objections(int objections, string message)
    {
        var meeting = Circulated();
        for (var i = 0; i < objections; i++)
        {
            Assert.True(meeting.ObjectToMinutes(5 + i, $"Indsigelse {i + 1}", SentOn.AddDays(1), Sent.AddDays(1)).IsSuccess);
        }

        foreach (var text in new[] { Version1, Version2 })
        {
            var result = meeting.ApproveMinutes(text, "Godkendt på mødet.", At(new DateOnly(2025, 9, 20), 12));

            var error = Assert.Single(result.Errors);
            Assert.Equal("minutes.objections_open", error.Code);
            Assert.Equal(message, error.Message);
        }
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
        Assert.Null(meeting.MinutesApprovedAt);
        Assert.Null(meeting.MinutesApprovalNote);
        Assert.Single(meeting.MinutesVersions);
    }

    [Fact]
    public void The_objections_message_names_the_latest_version()
    {
        var meeting = RevisedOnce();
        Assert.True(meeting.ObjectToMinutes(7, "Punkt 3 er stadig ufuldstændigt.", RevisedOn, RevisedAt).IsSuccess);

        var result = meeting.ApproveMinutes(Version2, "Godkendt på mødet.", At(new DateOnly(2025, 9, 30), 12));

        Assert.Equal(
            "Der er 1 indsigelse mod udgave 2. Revidér referatet og udsend en ny udgave, før det godkendes.",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Objections_to_an_earlier_version_do_not_stop_the_approval_of_the_revised_one()
    {
        var meeting = RevisedOnce();
        var approvedAt = At(new DateOnly(2025, 9, 30), 12);

        var result = meeting.ApproveMinutes(Version2, "Godkendt på mødet 30. september 2025.", approvedAt);

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
        Assert.Equal(approvedAt, meeting.MinutesApprovedAt);
        Assert.Equal("Godkendt på mødet 30. september 2025.", meeting.MinutesApprovalNote);
        Assert.Equal([1, 2], meeting.MinutesVersions.Select(v => v.Number));
        Assert.Single(meeting.MinutesVersions.Single(v => v.Number == 1).Objections);
    }

    // ---- Approval by silence ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-09-05", 0, false)]
    [InlineData("2025-09-12", 0, false)]
    [InlineData("2025-09-13", 0, false)]
    [InlineData("2025-09-14", 0, true)]
    [InlineData("2025-10-15", 0, true)]
    [InlineData("2025-09-13", 1, false)]
    [InlineData("2025-09-14", 1, false)]
    [InlineData("2025-10-15", 2, false)]
    public void Minutes_approve_by_silence_from_the_day_after_the_window_if_nobody_objected(string today, int objections, bool approves)
    {
        var meeting = Circulated();
        for (var i = 0; i < objections; i++)
        {
            Assert.True(meeting.ObjectToMinutes(5 + i, "Punkt 3 er forkert.", Due, At(Due, 12)).IsSuccess);
        }

        Assert.Equal(approves, meeting.ApprovesBySilence(D(today)));
    }

    [Theory]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.MinutesDraft)]
    [InlineData(MeetingStatus.MinutesApproved)]
    public void Minutes_that_are_not_out_never_approve_by_silence(MeetingStatus status)
    {
        var meeting = MeetingIn(status);
        meeting.MinutesVersions.Add(new MinutesVersion { Number = 1, IssuedAt = Sent, ObjectionsDue = Due, Text = Version1 });

        Assert.False(meeting.ApprovesBySilence(Due.AddDays(1)));
        Assert.False(meeting.ApprovesBySilence(Due.AddDays(30)));
    }

    [Fact]
    public void Minutes_taken_back_for_revision_do_not_approve_by_silence_when_the_old_window_passes()
    {
        var meeting = Revising();

        Assert.False(meeting.ApprovesBySilence(Due.AddDays(1)));
        Assert.Equal("minutes.window_open", Assert.Single(meeting.ApproveBySilence(Due.AddDays(1), At(Due.AddDays(1), 6)).Errors).Code);
        Assert.Equal(MeetingStatus.MinutesDraft, meeting.Status);
    }

    [Fact]
    public void A_revised_version_approves_by_silence_after_its_own_window_although_version_1_had_an_objection()
    {
        var meeting = RevisedOnce();

        Assert.False(meeting.ApprovesBySilence(RevisedDue));
        Assert.True(meeting.ApprovesBySilence(RevisedDue.AddDays(1)));
    }

    [Theory]
    [InlineData(1, "2025-09-14", "Godkendt uden indsigelser; fristen for indsigelser mod udgave 1 udløb 13. september 2025.")]
    [InlineData(1, "2025-10-02", "Godkendt uden indsigelser; fristen for indsigelser mod udgave 1 udløb 13. september 2025.")]
    [InlineData(2, "2025-09-25", "Godkendt uden indsigelser; fristen for indsigelser mod udgave 2 udløb 24. september 2025.")]
    public void Approval_by_silence_records_when_the_window_of_which_version_closed(int version, string today, string note)
    {
        var meeting = version == 1 ? Circulated() : RevisedOnce();
        var now = At(D(today), 6);
        var text = meeting.LatestMinutesVersion!.Text;

        var result = meeting.ApproveBySilence(D(today), now);

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
        Assert.Equal(note, meeting.MinutesApprovalNote);
        Assert.Equal(now, meeting.MinutesApprovedAt);
        // The version out is what was approved: no new version.
        Assert.Equal(version, meeting.MinutesVersions.Count);
        Assert.Equal(text, meeting.LatestMinutesVersion!.Text);
        Assert.Equal(version, meeting.LatestMinutesVersion.Number);
    }

    [Theory]
    [InlineData("2025-09-05", 0)]
    [InlineData("2025-09-13", 0)]
    [InlineData("2025-09-14", 1)]
    [InlineData("2025-10-01", 1)]
    public void Approval_by_silence_is_refused_before_the_window_closes_or_after_an_objection(string today, int objections)
    {
        var meeting = Circulated();
        if (objections > 0)
        {
            Assert.True(meeting.ObjectToMinutes(19, "Punkt 3 er forkert.", Due, At(Due, 12)).IsSuccess);
        }

        var result = meeting.ApproveBySilence(D(today), At(D(today), 6));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.window_open", error.Code);
        Assert.Equal("Referatet kan først godkendes uden indsigelser, når fristen er udløbet.", error.Message);
        Assert.Equal(MeetingStatus.MinutesCirculated, meeting.Status);
        Assert.Null(meeting.MinutesApprovedAt);
        Assert.Null(meeting.MinutesApprovalNote);
    }

    // ---- What approval keeps -----------------------------------------------------------------------------------

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void Approval_adds_a_version_only_when_the_approved_text_differs_from_the_version_out(bool changed, int versions)
    {
        var meeting = Circulated();
        var approvedAt = At(new DateOnly(2025, 9, 10), 15);
        const string Note = "Godkendt på mødet 10. september 2025 med rettelse i punkt 3.";

        var result = meeting.ApproveMinutes(changed ? Version2 : Version1, Note, approvedAt);

        Assert.True(result.IsSuccess);
        Assert.Equal(versions, meeting.MinutesVersions.Count);
        var first = meeting.MinutesVersions.Single(v => v.Number == 1);
        Assert.Equal(Version1, first.Text);
        Assert.Equal(Sent, first.IssuedAt);
        Assert.Null(first.ChangeNote);
        var latest = meeting.LatestMinutesVersion!;
        Assert.Equal(changed ? Version2 : Version1, latest.Text);
        if (changed)
        {
            Assert.Equal(2, latest.Number);
            Assert.Equal(approvedAt, latest.IssuedAt);
            Assert.Equal(Note, latest.ChangeNote);
            Assert.Null(latest.ObjectionsDue);
            Assert.Empty(latest.Objections);
        }
    }

    [Fact]
    public void Minutes_approved_at_the_meeting_without_circulation_become_version_1()
    {
        var meeting = Draft();
        var approvedAt = At(Syd.August2025, 16);

        var result = meeting.ApproveMinutes(Version1, "Godkendt på mødet.", approvedAt);

        Assert.True(result.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
        var version = Assert.Single(meeting.MinutesVersions);
        Assert.Equal(1, version.Number);
        Assert.Equal(Version1, version.Text);
        Assert.Equal(approvedAt, version.IssuedAt);
        Assert.Null(version.ObjectionsDue);
        Assert.Equal("Godkendt på mødet.", version.ChangeNote);
        Assert.Null(meeting.MinutesCirculatedAt);
    }

    // ---- Corrections after approval ----------------------------------------------------------------------------

    [Theory]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.MinutesDraft)]
    [InlineData(MeetingStatus.MinutesCirculated)]
    [InlineData(MeetingStatus.AgendaPublished)]
    [InlineData(MeetingStatus.Cancelled)]
    public void Corrections_are_recorded_only_on_approved_minutes(MeetingStatus status)
    {
        var meeting = MeetingIn(status);

        var result = meeting.CorrectApprovedMinutes("Punkt 3: sekretariatet, ikke sekretær.", "Thit Hjortskov Jensen", At(new DateOnly(2025, 10, 1), 9));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.not_approved", error.Code);
        Assert.Equal("Rettelser registreres kun på et godkendt referat; et referat i kladde rettes direkte.", error.Message);
        Assert.Empty(meeting.MinutesCorrections);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\n")]
    public void A_correction_needs_its_text(string? text)
    {
        var meeting = ApprovedBySilence();

        var result = meeting.CorrectApprovedMinutes(text, "Thit Hjortskov Jensen", At(new DateOnly(2025, 10, 1), 9));

        var error = Assert.Single(result.Errors);
        Assert.Equal("minutes.correction_required", error.Code);
        Assert.Equal("Skriv rettelsen, som den skal stå i referatet.", error.Message);
        Assert.Equal(nameof(MinutesCorrection.Text), error.Field);
        Assert.Empty(meeting.MinutesCorrections);
    }

    [Fact]
    public void Corrections_are_appended_in_order_and_never_change_the_approved_versions()
    {
        var meeting = ApprovedBySilence();
        var versionsBefore = meeting.MinutesVersions.Select(v => (v.Number, v.Text, v.IssuedAt, v.ChangeNote, v.ObjectionsDue)).ToList();
        var first = At(new DateOnly(2025, 10, 1), 9);
        var second = At(new DateOnly(2025, 10, 8), 14);

        Assert.True(meeting.CorrectApprovedMinutes("  Punkt 3: sundhedsrådets sekretariat, ikke sekretær. ", "Thit Hjortskov Jensen", first).IsSuccess);
        Assert.True(meeting.CorrectApprovedMinutes("Punkt 1: mødet begyndte kl. 14.05.", "Lene Maj Hjortsø Fernando", second).IsSuccess);

        Assert.Equal(
            [
                ("Punkt 3: sundhedsrådets sekretariat, ikke sekretær.", first, "Thit Hjortskov Jensen"),
                ("Punkt 1: mødet begyndte kl. 14.05.", second, "Lene Maj Hjortsø Fernando"),
            ],
            meeting.MinutesCorrections.Select(c => (c.Text, c.RecordedAt, c.RecordedBy)));
        Assert.Equal(versionsBefore, meeting.MinutesVersions.Select(v => (v.Number, v.Text, v.IssuedAt, v.ChangeNote, v.ObjectionsDue)));
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
    }

    // ---- Versions and status ------------------------------------------------------------------------------------

    [Fact]
    public void The_latest_version_is_the_highest_number_whatever_the_order_loaded()
    {
        var meeting = MeetingIn(MeetingStatus.MinutesDraft);
        Assert.Null(meeting.LatestMinutesVersion);

        meeting.MinutesVersions.AddRange(
        [
            new MinutesVersion { Number = 2, Text = Version2 },
            new MinutesVersion { Number = 3, Text = "Udgave 3" },
            new MinutesVersion { Number = 1, Text = Version1 },
        ]);

        Assert.Equal(3, meeting.LatestMinutesVersion!.Number);
        Assert.Equal("Udgave 3", meeting.LatestMinutesVersion.Text);
    }

    [Theory]
    [InlineData(MeetingStatus.Planned, false, false, false)]
    [InlineData(MeetingStatus.AgendaDraft, false, false, false)]
    [InlineData(MeetingStatus.AgendaPublished, false, false, true)]
    [InlineData(MeetingStatus.Held, true, true, true)]
    [InlineData(MeetingStatus.MinutesDraft, true, true, true)]
    [InlineData(MeetingStatus.MinutesCirculated, true, false, true)]
    [InlineData(MeetingStatus.MinutesApproved, true, false, true)]
    [InlineData(MeetingStatus.Cancelled, false, false, false)]
    public void Circulated_minutes_exist_and_are_public_but_cannot_be_edited(MeetingStatus status, bool hasMinutes, bool editable, bool agendaPublic)
    {
        var meeting = MeetingIn(status);

        Assert.Equal(hasMinutes, meeting.HasMinutes);
        Assert.Equal(editable, meeting.MinutesAreEditable);
        Assert.Equal(agendaPublic, meeting.AgendaIsPublic);
        Assert.Equal(agendaPublic, Meeting.IsPublicStatus(status));
    }

    [Fact]
    public void Circulated_minutes_are_called_referat_udsendt_and_lead_back_to_the_draft_or_to_approval()
    {
        Assert.Equal("Referat udsendt", MeetingStatus.MinutesCirculated.Danish());
        Assert.Equal([MeetingStatus.MinutesDraft, MeetingStatus.MinutesApproved], MeetingWorkflow.Next(MeetingStatus.MinutesCirculated).Order());
    }

    // ---- Builders ------------------------------------------------------------------------------------------

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(2));

    private static Meeting MeetingIn(MeetingStatus status) => TestData.MeetingIn.State(new()
    {
        Id = 1,
        BodyId = 1,
        Body = Syd.Body(),
        Date = Syd.August2025,
    }, status);

    /// <summary>The minutes of 27 August 2025 in draft, not yet sent.</summary>
    private static Meeting Draft() => MeetingIn(MeetingStatus.MinutesDraft);

    /// <summary>Version 1 out on 5 September 2025, objections due 13 September.</summary>
    private static Meeting Circulated()
    {
        var meeting = Draft();
        Assert.True(meeting.CirculateMinutes(Version1, null, SydWindow, SentOn, Sent).IsSuccess);
        return meeting;
    }

    /// <summary>Version 1 drew an objection from Maja Højgaard and was taken back on 16 September.</summary>
    private static Meeting Revising()
    {
        var meeting = Circulated();
        Assert.True(meeting.ObjectToMinutes(19, "Punkt 3 nævner ikke sundhedsrådets sekretariat.", new DateOnly(2025, 9, 10), At(new DateOnly(2025, 9, 10), 13)).IsSuccess);
        Assert.True(meeting.ReviseMinutes().IsSuccess);
        return meeting;
    }

    /// <summary>Version 2 out on 16 September 2025, objections due 24 September.</summary>
    private static Meeting RevisedOnce()
    {
        var meeting = Revising();
        Assert.True(meeting.CirculateMinutes(Version2, ChangeNote, SydWindow, RevisedOn, RevisedAt).IsSuccess);
        return meeting;
    }

    /// <summary>Version 1 approved on 14 September 2025, the day after its window closed.</summary>
    private static Meeting ApprovedBySilence()
    {
        var meeting = Circulated();
        Assert.True(meeting.ApproveBySilence(Due.AddDays(1), At(Due.AddDays(1), 6)).IsSuccess);
        return meeting;
    }
}

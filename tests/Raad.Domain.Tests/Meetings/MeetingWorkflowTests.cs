using Raad.Domain.Meetings;

namespace Raad.Domain.Tests.Meetings;

public class MeetingWorkflowTests
{
    /// <summary>The transitions the product allows, written out here rather than read from the code under test.</summary>
    private static readonly (MeetingStatus From, MeetingStatus To)[] AllowedTransitions =
    [
        (MeetingStatus.Planned, MeetingStatus.AgendaDraft),
        (MeetingStatus.Planned, MeetingStatus.Cancelled),
        (MeetingStatus.AgendaDraft, MeetingStatus.AgendaPublished),
        (MeetingStatus.AgendaDraft, MeetingStatus.Cancelled),
        (MeetingStatus.AgendaPublished, MeetingStatus.Held),
        (MeetingStatus.AgendaPublished, MeetingStatus.AgendaDraft),
        (MeetingStatus.AgendaPublished, MeetingStatus.Cancelled),
        (MeetingStatus.Held, MeetingStatus.MinutesDraft),
        (MeetingStatus.MinutesDraft, MeetingStatus.MinutesCirculated),
        (MeetingStatus.MinutesDraft, MeetingStatus.MinutesApproved),
        (MeetingStatus.MinutesCirculated, MeetingStatus.MinutesDraft),
        (MeetingStatus.MinutesCirculated, MeetingStatus.MinutesApproved),
    ];

    public static TheoryData<MeetingStatus, MeetingStatus> Allowed() => [.. AllowedTransitions];

    /// <summary>Every other pair of statuses, staying put included: 64 - 12 = 52 rows.</summary>
    public static TheoryData<MeetingStatus, MeetingStatus> Disallowed() =>
    [
        .. from f in Enum.GetValues<MeetingStatus>()
           from t in Enum.GetValues<MeetingStatus>()
           where !AllowedTransitions.Contains((f, t))
           select (f, t),
    ];

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_transition_can_be_made(MeetingStatus from, MeetingStatus to)
    {
        Assert.True(MeetingWorkflow.CanMove(from, to));
    }

    [Theory]
    [MemberData(nameof(Disallowed))]
    public void Disallowed_transition_cannot_be_made(MeetingStatus from, MeetingStatus to)
    {
        Assert.False(MeetingWorkflow.CanMove(from, to));
    }

    [Fact]
    public void Disallowed_table_covers_every_other_pair_of_statuses()
    {
        Assert.Equal(52, Disallowed().Count);
    }

    [Theory]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Held)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.AgendaPublished)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.MinutesApproved)]
    [InlineData(MeetingStatus.AgendaDraft, MeetingStatus.Held)]
    [InlineData(MeetingStatus.AgendaPublished, MeetingStatus.MinutesDraft)]
    [InlineData(MeetingStatus.Held, MeetingStatus.Cancelled)]
    [InlineData(MeetingStatus.Held, MeetingStatus.AgendaDraft)]
    [InlineData(MeetingStatus.Held, MeetingStatus.MinutesApproved)]
    [InlineData(MeetingStatus.MinutesDraft, MeetingStatus.Cancelled)]
    [InlineData(MeetingStatus.MinutesDraft, MeetingStatus.Held)]
    public void Steps_cannot_be_skipped_or_taken_backwards_once_held(MeetingStatus from, MeetingStatus to)
    {
        Assert.False(MeetingWorkflow.CanMove(from, to));
    }

    [Theory]
    [InlineData(MeetingStatus.MinutesApproved)]
    [InlineData(MeetingStatus.Cancelled)]
    public void Approved_and_cancelled_meetings_are_final(MeetingStatus final)
    {
        Assert.Empty(MeetingWorkflow.Next(final));
        Assert.All(Enum.GetValues<MeetingStatus>(), target => Assert.False(MeetingWorkflow.CanMove(final, target)));
    }

    [Theory]
    [InlineData(MeetingStatus.Planned, new[] { MeetingStatus.AgendaDraft, MeetingStatus.Cancelled })]
    [InlineData(MeetingStatus.AgendaDraft, new[] { MeetingStatus.AgendaPublished, MeetingStatus.Cancelled })]
    [InlineData(MeetingStatus.AgendaPublished, new[] { MeetingStatus.Held, MeetingStatus.AgendaDraft, MeetingStatus.Cancelled })]
    [InlineData(MeetingStatus.Held, new[] { MeetingStatus.MinutesDraft })]
    [InlineData(MeetingStatus.MinutesDraft, new[] { MeetingStatus.MinutesCirculated, MeetingStatus.MinutesApproved })]
    [InlineData(MeetingStatus.MinutesCirculated, new[] { MeetingStatus.MinutesDraft, MeetingStatus.MinutesApproved })]
    public void Next_lists_the_steps_that_can_be_taken(MeetingStatus from, MeetingStatus[] next)
    {
        Assert.Equal(next.Order(), MeetingWorkflow.Next(from).Order());
    }

    [Theory]
    [InlineData(MeetingStatus.Planned, "Planlagt")]
    [InlineData(MeetingStatus.AgendaDraft, "Dagsorden i kladde")]
    [InlineData(MeetingStatus.AgendaPublished, "Dagsorden udsendt")]
    [InlineData(MeetingStatus.Held, "Afholdt")]
    [InlineData(MeetingStatus.MinutesDraft, "Referat i kladde")]
    [InlineData(MeetingStatus.MinutesApproved, "Referat godkendt")]
    [InlineData(MeetingStatus.Cancelled, "Aflyst")]
    public void Status_has_a_danish_name(MeetingStatus status, string danish)
    {
        Assert.Equal(danish, status.Danish());
    }
}

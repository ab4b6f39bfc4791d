using Raad.Domain.People;

namespace Raad.Domain.Tests.People;

public class MailKindsTests
{
    [Theory]
    [InlineData(MailKinds.AgendaPublished, true)]
    [InlineData(MailKinds.MinutesCirculated, true)]
    [InlineData(MailKinds.MinutesRevised, true)]
    [InlineData(MailKinds.WrittenProcedureStarted, true)]
    [InlineData(MailKinds.WrittenProcedureReminder, false)]
    [InlineData(MailKinds.ItemRequestAnswered, false)]
    public void What_the_rules_require_reaches_a_person_who_turned_everything_off(string kind, bool reaches)
    {
        string[] everything = [.. MailKinds.Optional, .. MailKinds.Required];
        Assert.Equal(reaches, MailKinds.Reaches(kind, everything));
        Assert.True(MailKinds.Reaches(kind, []));
    }

    [Fact]
    public void Only_what_the_rules_do_not_require_can_be_turned_off() =>
        Assert.DoesNotContain(MailKinds.Optional, MailKinds.Required.Contains);
}

using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Money;

/// <summary>A body's money for projects in one year (pulje, klyngemidler): contributions, carry-over, grants.</summary>
public class FundingPool
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public int Year { get; set; }

    /// <summary>"Klyngemidler 2023".</summary>
    public required string Name { get; set; }

    /// <summary>The pool of the year before; its remainder is carried over into this one.</summary>
    public int? PreviousId { get; set; }
    public FundingPool? Previous { get; set; }

    public List<Contribution> Contributions { get; set; } = [];
    public List<Grant> Grants { get; set; } = [];
    public int Version { get; set; }

    /// <summary>New money paid into this pool (carry-over is not new money, so it is not counted again).</summary>
    public decimal Received => Contributions.Sum(c => c.Amount);

    /// <summary>What was left in the previous year's pool ("overført fra 2022").</summary>
    public decimal CarriedOver => Previous?.Remainder ?? 0m;

    public decimal Available => CarriedOver + Received;

    /// <summary>Grants and increases less reductions: "disponeret", as Tabel 1 counts it.</summary>
    public decimal Granted => Grants.Where(g => !g.IsRemainderFunds).Sum(g => g.SignedAmount);

    /// <summary>
    /// Remainder funds are paid from the remainder together with money granted but not spent, which only the
    /// economy overview knows; so they are kept apart and do not make the pool's remainder negative.
    /// </summary>
    public decimal RemainderFundsGranted => Grants.Where(g => g.IsRemainderFunds).Sum(g => g.SignedAmount);

    /// <summary>Available less granted: the "rest" new grants may draw on.</summary>
    public decimal Remainder => Available - Granted;

    public decimal ReceivedFrom(MemberGroup group) => Contributions.Where(c => c.Group == group).Sum(c => c.Amount);

    public static Validation Validate(string? name, int year, FundingPool? previous) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(name), "pool.name_required", nameof(Name), "Puljen skal have et navn, fx \"Klyngemidler 2023\".")
            .Require(year is >= 2000 and <= 2100, "pool.year_invalid", nameof(Year), "Angiv puljens år, fx 2023.")
            .Require(previous is null || previous.Year < year, "pool.previous_not_before", nameof(PreviousId),
                "Puljen, der overføres fra, skal være fra et tidligere år.");

    /// <summary>Records money paid in by an organisation or a group of them ("kommunerne", "regionen").</summary>
    public Result<Contribution> AddContribution(string? source, decimal amount, MemberGroup? group, Organisation? organisation, DateOnly? date,
        string? note = null)
    {
        var valid = new Validation()
            .Require(!string.IsNullOrWhiteSpace(source) || organisation is not null, "contribution.source_required", nameof(Contribution.Source),
                "Angiv, hvem beløbet kommer fra (en organisation eller fx \"kommunerne\").")
            .Require(amount > 0, "contribution.amount_not_positive", nameof(Contribution.Amount), "Beløbet skal være større end 0 kr.");
        if (!valid.IsValid)
        {
            return Result<Contribution>.Fail(valid.Errors);
        }
        var contribution = new Contribution
        {
            FundingPoolId = Id,
            FundingPool = this,
            Source = string.IsNullOrWhiteSpace(source) ? organisation!.Name : source.Trim(),
            Amount = amount,
            Group = group,
            OrganisationId = organisation?.Id,
            Organisation = organisation,
            Date = date,
            Note = note,
        };
        Contributions.Add(contribution);
        return contribution;
    }
}

/// <summary>Money paid into a pool by an organisation or a group of them.</summary>
public class Contribution
{
    public int Id { get; set; }
    public int FundingPoolId { get; set; }
    public FundingPool? FundingPool { get; set; }

    /// <summary>As printed: "Kommunerne", "Region Hovedstaden".</summary>
    public required string Source { get; set; }

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The side the money comes from, when it is one side: municipalities or the region.</summary>
    public MemberGroup? Group { get; set; }

    public decimal Amount { get; set; }
    public DateOnly? Date { get; set; }
    public string? Note { get; set; }
}

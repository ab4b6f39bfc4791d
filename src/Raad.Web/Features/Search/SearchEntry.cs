using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raad.Web.Features.Search;

/// <summary>
/// One searchable thing: an agenda item (its title and sections), its decision, an attachment (its title and the text
/// read from its file) or a case. The stem keys (<see cref="Domain.Search.SearchText.IndexText"/>) are made in C#, so
/// SQLite's FTS5 table and PostgreSQL's GIN index (<see cref="SearchSql"/>) match the same words. Visibility is not
/// stored: it is read live from the item's meeting at query time, so publishing or approving needs no re-indexing.
/// </summary>
public class SearchEntry
{
    public int Id { get; set; }

    /// <summary>One of <see cref="SearchKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The item's, attachment's or case's id.</summary>
    public int SourceId { get; set; }

    /// <summary>The agenda item it belongs to (item, decision, attachment), whose meeting decides who sees it.</summary>
    public int? ItemId { get; set; }

    /// <summary>The case (kind case).</summary>
    public int? CaseId { get; set; }

    public required string Title { get; set; }

    /// <summary>The plain text the snippet is cut from.</summary>
    public required string Text { get; set; }

    public required string TitleKeys { get; set; }
    public required string TextKeys { get; set; }
}

public static class SearchKind
{
    public const string Item = "item";
    public const string Decision = "decision";
    public const string Attachment = "attachment";
    public const string Case = "case";

    public static readonly IReadOnlyList<string> All = [Item, Decision, Attachment, Case];

    public static string Danish(string kind) => kind switch
    {
        Item => "Dagsordenspunkt",
        Decision => "Beslutning",
        Attachment => "Bilag",
        Case => "Sag",
        _ => kind,
    };
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
        b.HasIndex(x => x.ItemId);
        b.HasIndex(x => x.CaseId);
    }
}

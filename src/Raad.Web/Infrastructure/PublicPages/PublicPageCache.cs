using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.PublicPages;

/// <summary>Settings of the public page cache (<c>Raad:PublicCache</c>).</summary>
public sealed class PublicCacheOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often an instance reads the database's content stamp to see other instances' changes. Its own changes retire its
    /// pages at once; another instance's within this many seconds. 0 reads the stamp on every request.
    /// </summary>
    public double StampCheckSeconds { get; set; } = 1;

    /// <summary>The memory the cached pages may take, in megabytes (each page kept plain, Brotli and gzip).</summary>
    public int SizeMegabytes { get; set; } = 64;

    /// <summary>Larger answers are not kept.</summary>
    public int MaxPageKilobytes { get; set; } = 1024;
}

/// <summary>
/// Publication day: everyone reads the same agenda at once. An anonymous GET of a public page (no cookie, no
/// Authorization header) is answered from memory when the page has been built since the last change to public content;
/// otherwise it is built once and kept, plain and compressed (Brotli, gzip), with an ETag, so a reader who has it gets
/// 304. Signed-in visitors and anything that sets a cookie, is private or is not text always go through.
/// The key holds the content stamp (<see cref="ContentStamp"/>), the Copenhagen date (what is "upcoming" changes at
/// midnight), the scheme and host (absolute links), the path and the query.
/// </summary>
public sealed class PublicPageCache(IOptions<PublicCacheOptions> options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublicPageCache> log)
{
    private readonly PublicCacheOptions settings = options.Value;
    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeMegabytes * 1024L * 1024L });
    private readonly SemaphoreSlim reading = new(1, 1);
    private long stamp = -1;
    private long stampReadAt;
    private long localChanges;

    /// <summary>Kept only as they came; the rest (Date, Server, security headers) is written afresh for each answer.</summary>
    private static readonly string[] KeptHeaders =
    [
        HeaderNames.ContentType, HeaderNames.ContentDisposition, HeaderNames.AccessControlAllowOrigin, HeaderNames.Link,
        HeaderNames.ContentLanguage, "X-Robots-Tag",
    ];

    private static readonly string[] TextTypes =
        ["text/html", "application/json", "application/problem+json", "text/calendar", "application/atom+xml", "application/xml", "text/plain", "application/ld+json"];

    private sealed record Page(byte[] Plain, byte[] Brotli, byte[] Gzip, string ETag, KeyValuePair<string, string>[] Headers, string? CacheControl);

    /// <summary>A change was saved here: the next request reads the stamp again before it trusts a kept page.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref localChanges);
        Interlocked.Exchange(ref stampReadAt, 0);
    }

    public async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (!settings.Enabled || !MayBeShared(context.Request))
        {
            await next(context);
            return;
        }
        var key = await KeyAsync(context);
        if (pages.TryGetValue(key, out Page? page) && page is not null)
        {
            await ServeAsync(context, page);
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        // Built here: kept if it turns out to be a public page the same for everyone, then served like a kept one.
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var buffer = new CappedBuffer(original.Stream, settings.MaxPageKilobytes * 1024);
        var capture = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            // Whatever the page wrote through its pipe is in the buffer now.
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        if (!buffer.Overflowed && Keepable(context))
        {
            page = Keep(context.Response, buffer.ToArray());
            // A change while it was built means the page may be older than the key: then it serves this answer only.
            if (key == await KeyAsync(context))
            {
                pages.Set(key, page, new MemoryCacheEntryOptions
                {
                    Size = page.Plain.Length + page.Brotli.Length + page.Gzip.Length + 512,
                    SlidingExpiration = TimeSpan.FromHours(1),
                });
            }
            await ServeAsync(context, page);
            return;
        }
        await buffer.FlushToAsync(original.Stream, context.RequestAborted);
    }

    /// <summary>Only what every anonymous reader gets alike: GET or HEAD, no cookie, no credentials.</summary>
    private static bool MayBeShared(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey(HeaderNames.Cookie)
        && !request.Headers.ContainsKey(HeaderNames.Authorization);

    private static bool Keepable(HttpContext context)
    {
        var response = context.Response;
        var endpoint = context.GetEndpoint();
        if (response.StatusCode != StatusCodes.Status200OK || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is null
            || response.Headers.ContainsKey(HeaderNames.SetCookie) || response.Headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            return false;
        }
        var cacheControl = response.Headers.CacheControl.ToString();
        if (cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var type = response.ContentType?.Split(';')[0].Trim();
        return type is not null && TextTypes.Contains(type, StringComparer.OrdinalIgnoreCase);
    }

    private static Page Keep(HttpResponse response, byte[] plain)
    {
        var headers = KeptHeaders.Where(h => response.Headers.ContainsKey(h))
            .Select(h => KeyValuePair.Create(h, response.Headers[h].ToString())).ToArray();
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(plain).AsSpan(0, 12)) + "\"";
        var cacheControl = response.Headers.CacheControl.ToString();
        return new Page(plain, Compress(plain, s => new BrotliStream(s, CompressionLevel.Optimal)),
            Compress(plain, s => new GZipStream(s, CompressionLevel.Optimal)), etag, headers, cacheControl.Length > 0 ? cacheControl : null);
    }

    private static byte[] Compress(byte[] plain, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(plain);
        }
        return output.ToArray();
    }

    private static async Task ServeAsync(HttpContext context, Page page)
    {
        var response = context.Response;
        var request = context.Request;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }
        // Anyone may keep it, but must ask again (cheaply, with the ETag) before showing it: the content changes without notice.
        response.Headers.CacheControl = page.CacheControl ?? "public, no-cache";
        response.Headers.ETag = page.ETag;
        response.Headers.Vary = "Accept-Encoding, Cookie";
        if (IfNoneMatch(request, page.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var accepts = request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = Accepts(accepts, "br") ? (page.Brotli, "br") : Accepts(accepts, "gzip") ? (page.Gzip, "gzip") : (page.Plain, null);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static bool IfNoneMatch(HttpRequest request, string etag)
    {
        var values = request.Headers.IfNoneMatch.ToString();
        if (values.Length == 0)
        {
            return false;
        }
        return values.Split(',').Select(v => v.Trim()).Any(v => v == "*" || v == etag || v == "W/" + etag);
    }

    /// <summary>The coding is offered with a quality above zero (Accept-Encoding: br;q=0 refuses it).</summary>
    private static bool Accepts(string header, string coding)
    {
        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            if (!pieces[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var q = pieces.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
            return q is null || !double.TryParse(q[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var quality) || quality > 0;
        }
        return false;
    }

    private async Task<string> KeyAsync(HttpContext context)
    {
        var current = await StampAsync(context.RequestAborted);
        var request = context.Request;
        return string.Join('|', current, Interlocked.Read(ref localChanges), Clock.Today(clock).DayNumber,
            request.Method == HttpMethods.Head ? HttpMethods.Get : request.Method, request.Scheme, request.Host.Value, request.PathBase.Value,
            request.Path.Value, request.QueryString.Value);
    }

    /// <summary>The database's stamp, read at most once per <see cref="PublicCacheOptions.StampCheckSeconds"/> by one request at a time.</summary>
    private async Task<long> StampAsync(CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        var maxAge = (long)(settings.StampCheckSeconds * clock.TimestampFrequency);
        var known = Interlocked.Read(ref stamp);
        if (known >= 0 && maxAge > 0 && now - Interlocked.Read(ref stampReadAt) < maxAge)
        {
            return known;
        }
        await reading.WaitAsync(ct);
        try
        {
            if (Interlocked.Read(ref stamp) >= 0 && maxAge > 0 && clock.GetTimestamp() - Interlocked.Read(ref stampReadAt) < maxAge)
            {
                return Interlocked.Read(ref stamp);
            }
            var readAt = clock.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var value = await ContentStamp.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            Interlocked.Exchange(ref stamp, value);
            Interlocked.Exchange(ref stampReadAt, readAt);
            return value;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is away: no page is trusted (the request itself will say what is wrong).
            log.LogWarning(e, "Offentlige sider: indholdsstemplet kunne ikke læses.");
            return -Interlocked.Increment(ref localChanges) - 1;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>
    /// Holds the answer in memory up to the limit; past it the answer is not kept, and what is held goes on to the client
    /// followed by the rest as it comes (a PDF or a large export is not held back).
    /// </summary>
    private sealed class CappedBuffer(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream held = new();

        public bool Overflowed { get; private set; }

        public byte[] ToArray() => held.ToArray();

        public async Task FlushToAsync(Stream target, CancellationToken ct)
        {
            if (!Overflowed && held.Length > 0)
            {
                held.Position = 0;
                await held.CopyToAsync(target, ct);
                held.SetLength(0);
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Overflowed && held.Length + buffer.Length > limit)
            {
                Overflowed = true;
                held.Position = 0;
                await held.CopyToAsync(inner, cancellationToken);
                held.SetLength(0);
            }
            if (Overflowed)
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
            else
            {
                held.Write(buffer.Span);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => Overflowed ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Flush()
        {
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            held.Dispose();
            base.Dispose(disposing);
        }
    }
}

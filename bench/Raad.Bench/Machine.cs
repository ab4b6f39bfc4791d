using System.Diagnostics;
using System.Globalization;

namespace Raad.Bench;

/// <summary>
/// CPU accounting from /proc, the same idea as bench/common.sh: how much CPU time the whole machine spent busy during
/// a timed window, minus the CPU time of the benchmark's own processes (the Raad server with its Chromium, and this
/// process with the LibreOffice runs it has waited for). What is left is other work on the machine.
/// </summary>
internal static class Machine
{
    private static readonly double Tick = ClockTicks();

    /// <summary>CPU seconds (user + system, all CPUs, without idle and iowait) the machine has been busy since boot.</summary>
    public static double BusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        // user nice system idle iowait irq softirq steal ...: idle (3) and iowait (4) are not work.
        return fields.Where((_, i) => i is not (3 or 4)).Sum() / Tick;
    }

    /// <summary>(busy, total) in ticks, for the quiet-machine check.</summary>
    private static (long Busy, long Total) Sample()
    {
        var fields = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>
    /// CPU seconds of a process and all its descendants, live ones (utime + stime) and those they have reaped
    /// (cutime + cstime): the Raad server, its Playwright driver and Chromium's processes.
    /// </summary>
    public static double TreeSeconds(int root)
    {
        var stats = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (Parse(File.ReadAllText(Path.Combine(dir, "stat"))) is { } s)
                {
                    stats.Add((pid, s.Parent, s.Ticks));
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var children = stats.ToLookup(s => s.Parent);
        var ticks = 0L;
        var todo = new Stack<int>([root]);
        var seen = new HashSet<int>();
        while (todo.TryPop(out var pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }
            ticks += stats.Where(s => s.Pid == pid).Select(s => s.Ticks).FirstOrDefault();
            foreach (var child in children[pid])
            {
                todo.Push(child.Pid);
            }
        }
        return ticks / Tick;
    }

    /// <summary>CPU seconds of this process and of the children it has waited for (the LibreOffice runs).</summary>
    public static double SelfSeconds() => Parse(File.ReadAllText("/proc/self/stat"))!.Value.Ticks / Tick;

    private static (int Parent, long Ticks)? Parse(string stat)
    {
        // "pid (comm) state ppid ... utime stime cutime cstime ...": comm may hold spaces, so split after its ")".
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (rest.Length < 15)
        {
            return null;
        }
        var parent = int.Parse(rest[1], CultureInfo.InvariantCulture);
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)
            + long.Parse(rest[13], CultureInfo.InvariantCulture) + long.Parse(rest[14], CultureInfo.InvariantCulture);
        return (parent, ticks);
    }

    /// <summary>
    /// Waits (at most <paramref name="limitSeconds"/>) until the CPUs together were at most <paramref name="maxBusyPercent"/>
    /// busy for 3 seconds in a row. Returns the busy % of the last second and whether it got quiet.
    /// </summary>
    public static async Task<(int BusyPercent, bool Quiet)> WaitQuietAsync(int limitSeconds, int maxBusyPercent)
    {
        var quiet = 0;
        var busy = 100;
        for (var s = 0; s < limitSeconds; s++)
        {
            var (b1, t1) = Sample();
            await Task.Delay(1000);
            var (b2, t2) = Sample();
            busy = t2 > t1 ? (int)(100 * (b2 - b1) / (t2 - t1)) : 0;
            quiet = busy <= maxBusyPercent ? quiet + 1 : 0;
            if (quiet >= 3)
            {
                return (busy, true);
            }
        }
        return (busy, false);
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FormatException)
        {
            return 100;
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace Faceoff.Protocol.Overrides;

/// <summary>
/// Where servers and the load generator run: the one model of CPU pinning, parsed from <c>--pin</c> once.
/// Both lists empty means <c>auto</c>: <see cref="Resolve"/> splits the machine's cores between them.
/// </summary>
public sealed record CpuPinning(ImmutableArray<int> ServerCpus, ImmutableArray<int> LoadCpus)
{
    public static readonly CpuPinning Auto = new([], []);

    public bool IsAuto => ServerCpus.IsEmpty && LoadCpus.IsEmpty;

    /// <summary>
    /// The CPUs to use on a machine with <paramref name="cores"/> online: explicit lists as given; <c>auto</c> gives the
    /// servers the first half and the load generator the rest. Null (not pinned) when one core leaves nothing to split.
    /// </summary>
    public CpuPinning? Resolve(int cores)
    {
        if (!IsAuto)
        {
            return this;
        }

        if (cores < 2)
        {
            return null;
        }

        var servers = (cores + 1) / 2;
        return new CpuPinning([.. Enumerable.Range(0, servers)], [.. Enumerable.Range(servers, cores - servers)]);
    }
}

/// <summary>CPU lists such as <c>0</c>, <c>0-1</c> or <c>0,2-3</c>: read and written here only.</summary>
public static class CpuList
{
    /// <summary>Highest CPU number accepted; the kernel's cpu_set_t holds 1024 by default, 4096 covers any machine.</summary>
    public const int MaxCpu = 4095;

    /// <summary>The sorted, distinct CPUs of a list, or null when the text is not a CPU list.</summary>
    public static ImmutableArray<int>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first || last > MaxCpu)
            {
                return null;
            }

            cpus.UnionWith(Enumerable.Range(first, last - first + 1));
        }

        return [.. cpus];
    }

    /// <summary>The compact list form: 0,1,2,5 becomes "0-2,5".</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}

using Faceoff.Campaign.Model;
using Faceoff.Reporting;

using Faceoff.Reporting.Model;

namespace Faceoff.Campaign.Storage;

/// <summary>
/// The run directory <c>&lt;output&gt;/runs/&lt;run-id&gt;/</c>: its journal and its finished cells.
/// Every write goes through <see cref="AtomicFile"/>, so a kill at any instant leaves only whole files.
/// </summary>
public sealed class RunStore
{
    public const string StateFileName = "run_state.json";

    private RunStore(string outputDirectory, string runId, RunState state)
    {
        OutputDirectory = outputDirectory;
        RunId = runId;
        RunDirectory = Path.Combine(outputDirectory, "runs", runId);
        State = state;
    }

    public string OutputDirectory { get; }

    public string RunId { get; }

    public string RunDirectory { get; }

    public RunState State { get; private set; }

    /// <summary>Start a new run; refuses a run id that already has a journal (that is what resume is for).</summary>
    public static StoreOpening Create(string outputDirectory, string runId, string protocolName, string protocolHash, RunFlags flags, DateTimeOffset now)
    {
        var runDirectory = Path.Combine(Path.GetFullPath(outputDirectory), "runs", runId);
        if (File.Exists(Path.Combine(runDirectory, StateFileName)))
        {
            return StoreOpening.Fail($"run '{runId}' already exists in {runDirectory}; continue it with --resume {runId} or pick another --run-id");
        }
        var state = new RunState(
            RunState.CurrentFormat, runId, protocolName, protocolHash, RunJournalStatus.Running, now, now, [now],
            flags, ParityStatus.NotRun, null, null, [], null, null, null, null);
        var store = new RunStore(Path.GetFullPath(outputDirectory), runId, state);
        Directory.CreateDirectory(runDirectory);
        store.Save(state);
        return new StoreOpening(store, null);
    }

    /// <summary>Continue an earlier run of the same protocol (same hash), keeping its finished cells.</summary>
    public static StoreOpening Resume(string outputDirectory, string runId, string protocolHash, RunFlags flags, DateTimeOffset now)
    {
        var runDirectory = Path.Combine(Path.GetFullPath(outputDirectory), "runs", runId);
        var statePath = Path.Combine(runDirectory, StateFileName);
        if (!File.Exists(statePath))
        {
            return StoreOpening.Fail($"cannot resume '{runId}': no {StateFileName} in {runDirectory}");
        }
        RunState? previous;
        try
        {
            previous = CampaignJson.Deserialize<RunState>(File.ReadAllText(statePath));
        }
        catch (System.Text.Json.JsonException ex)
        {
            return StoreOpening.Fail($"cannot resume '{runId}': {statePath} is not readable ({ex.Message})");
        }
        if (previous is null)
        {
            return StoreOpening.Fail($"cannot resume '{runId}': {statePath} is empty");
        }
        if (previous.ProtocolHash != protocolHash)
        {
            return StoreOpening.Fail(
                $"cannot resume '{runId}': it was started with a different protocol or settings " +
                $"(hash {Short(previous.ProtocolHash)}, now {Short(protocolHash)}); resume with the same protocol file and options");
        }
        var state = previous with
        {
            Status = RunJournalStatus.Running,
            Flags = flags,
            UpdatedAt = now,
            FinishedAt = null,
            Message = null,
            Sessions = [.. previous.Sessions, now],
        };
        var store = new RunStore(Path.GetFullPath(outputDirectory), runId, state);
        store.Save(state);
        return new StoreOpening(store, null);
    }

    public string PathOf(string relative) => Path.Combine(RunDirectory, relative);

    public void Update(Func<RunState, RunState> change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        Save(change(State) with { UpdatedAt = now });
    }

    /// <summary>A finished cell, or null when it is missing or unreadable (then it runs again).</summary>
    public CellRecord? ReadCell(CellKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PathOf(key.RelativePath);
        return File.Exists(path) ? TryRead(path) : null;
    }

    /// <param name="passFiles">Run-relative path → content of the cell's pass files (load results, histogram logs).</param>
    public void WriteCell(CellRecord cell, IReadOnlyDictionary<string, string> passFiles)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(passFiles);
        // Pass files first: a cell file on disk promises that everything it points to is there too.
        foreach (var (path, content) in passFiles)
        {
            AtomicFile.WriteAllText(PathOf(path), content);
        }
        AtomicFile.WriteAllText(PathOf(cell.Key.RelativePath), CampaignJson.Serialize(cell));
    }

    /// <summary>Every readable cell file of the run (<c>cells/&lt;pair&gt;/&lt;scenario&gt;/c*.json</c>), whichever session wrote it.</summary>
    public IReadOnlyList<CellRecord> ReadAllCells() => ReadAllCells(RunDirectory);

    /// <inheritdoc cref="ReadAllCells()"/>
    public static IReadOnlyList<CellRecord> ReadAllCells(string runDirectory)
    {
        var cells = Path.Combine(runDirectory, "cells");
        return !Directory.Exists(cells)
            ? []
            : [.. Directory.EnumerateDirectories(cells)
                .SelectMany(Directory.EnumerateDirectories)
                .SelectMany(scenario => Directory.EnumerateFiles(scenario, "c*.json"))
                .Order(StringComparer.Ordinal)
                .Select(TryRead)
                .OfType<CellRecord>()];
    }

    public void WriteText(string relative, string content) => AtomicFile.WriteAllText(PathOf(relative), content);

    private void Save(RunState state)
    {
        State = state;
        AtomicFile.WriteAllText(PathOf(StateFileName), CampaignJson.Serialize(state));
    }

    private static CellRecord? TryRead(string path)
    {
        try
        {
            return CampaignJson.Deserialize<CellRecord>(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}

/// <summary>An opened run directory, or why it could not be opened (a usage error, not an exception).</summary>
public sealed record StoreOpening(RunStore? Store, string? Error)
{
    public static StoreOpening Fail(string error) => new(null, error);
}

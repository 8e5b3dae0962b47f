using System.Globalization;
using LiteDB;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Reports;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The dashboard's figures for every community, kept in memory and current on every write. LiteDB has no aggregate
/// that avoids reading each document, and reading 100,000 learners or a million check-ins per page takes seconds; the
/// file is exclusive to this process (direct mode and a file lock), so nothing can change it behind this copy.
/// <para>
/// Built from the file on the first report query (the one slow query, a few seconds at 100,000 learners), then kept
/// current by <see cref="ReopeningLiteEngine"/>, which hands it every document written to the watched collections after
/// the write succeeded (after the commit, inside an explicit transaction). Applying a write is idempotent (a check-in is
/// known by its learner and local date, a task by its week, the rest are replaced whole), so a write that lands while
/// the projection is being built is neither lost nor counted twice. A write it cannot follow (an update or delete by
/// expression, a dropped collection) drops the projection, and the next query builds it again.
/// </para>
/// </summary>
internal sealed class LiteDbReportProjection(LiteDatabase database)
{
    private static readonly HashSet<string> WatchedCollections = new(StringComparer.Ordinal)
    {
        LiteDbContext.LearnersCollection, LiteDbContext.CheckinsCollection, LiteDbContext.TaskCompletionsCollection,
        LiteDbContext.StreakSummariesCollection, LiteDbContext.SubscriptionsCollection, LiteDbDeliveryOutbox.DeliveriesCollection,
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LearnerState> _learners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<LearnerState>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, int>> _daily = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeliveryState> _deliveries = new(StringComparer.Ordinal);
    private readonly List<Action> _held = [];
    private volatile bool _active;
    private bool _building;
    private long _deliveriesSince = long.MinValue;

    public bool Watches(string collection) => _active && WatchedCollections.Contains(collection);

    /// <summary>Runs <paramref name="read"/> over the current figures, building them first if needed.</summary>
    public T Read<T>(Func<ProjectionView, T> read)
    {
        lock (_gate)
        {
            if (!_active)
                Build();
            return read(new ProjectionView(this));
        }
    }

    public void Written(string collection, IEnumerable<BsonDocument> documents) => Change(() =>
    {
        foreach (var document in documents)
            Apply(collection, document);
    });

    public void Deleted(string collection, IEnumerable<BsonValue> ids) => Change(() =>
    {
        foreach (var id in ids)
            Remove(collection, id.AsString);
    });

    /// <summary>Forgets everything; the next query builds the projection again from the file.</summary>
    public void Reset() => Change(Clear);

    /// <summary>
    /// Applies a change under the gate; while the projection is being built (which can take seconds) the change is held
    /// and applied when the scan ends, so a writer never waits for a build.
    /// </summary>
    private void Change(Action change)
    {
        lock (_held)
        {
            if (_building)
            {
                _held.Add(change);
                return;
            }
        }
        lock (_gate)
        {
            if (_active)
                change();
        }
    }

    private void Clear()
    {
        _active = false;
        _learners.Clear();
        _members.Clear();
        _daily.Clear();
        _deliveries.Clear();
        _deliveriesSince = long.MinValue;
    }

    /// <summary>Called under the gate.</summary>
    private void Build()
    {
        // Active before the scan: a write that commits during it is held and applied after it (idempotently), not skipped.
        lock (_held)
            _building = true;
        _active = true;
        try
        {
            foreach (var collection in WatchedCollections)
            {
                foreach (var document in database.GetCollection(collection).FindAll())
                    Apply(collection, document);
            }
        }
        catch
        {
            Clear();
            throw;
        }
        finally
        {
            lock (_held)
            {
                foreach (var change in _held)
                {
                    if (_active)
                        change();
                }
                _held.Clear();
                _building = false;
            }
        }
    }

    private void Apply(string collection, BsonDocument d)
    {
        // The placeholder EnsureCollections writes and deletes is no record.
        if (d["_id"] is { IsString: true } id && id.AsString == "collection-created")
            return;
        switch (collection)
        {
            case LiteDbContext.LearnersCollection:
            {
                var state = State(d["_id"].AsString);
                Leave(state);
                state.DisplayName = d["DisplayName"].AsString;
                state.LowerName = state.DisplayName.ToLowerInvariant();
                state.CurrentWeek = d["CurrentWeek"].AsInt32;
                state.Communities = d["Communities"].IsArray ? [.. d["Communities"].AsArray.Select(c => c.AsString).Distinct(StringComparer.Ordinal)] : [];
                state.Exists = true;
                Join(state);
                break;
            }
            case LiteDbContext.CheckinsCollection:
            {
                var state = State(d["Learner"].AsString);
                var localDay = StoredTime.ParseDate(d["LocalDate"].AsString).DayNumber;
                if (state.Checkins.Exists(c => c.LocalDay == localDay))
                    break;
                var at = d["AtUtcTicks"].AsInt64;
                var checkin = new CheckinEntry(localDay, (int)(at / TimeSpan.TicksPerDay), at);
                state.Checkins.Add(checkin);
                state.LastActiveTicks = Math.Max(state.LastActiveTicks ?? 0, at);
                foreach (var community in state.MemberOf)
                    Count(community, checkin.UtcDay, 1);
                break;
            }
            case LiteDbContext.TaskCompletionsCollection:
            {
                var state = State(d["Learner"].AsString);
                var week = d["Week"].AsInt32;
                if (!state.Tasks.Exists(t => t.Week == week))
                {
                    var at = d["AtUtcTicks"].AsInt64;
                    state.Tasks.Add(new TaskEntry(week, at));
                    state.LastActiveTicks = Math.Max(state.LastActiveTicks ?? 0, at);
                }
                break;
            }
            case LiteDbContext.StreakSummariesCollection:
            {
                var state = State(d["_id"].AsString);
                state.Summary = new SummaryState(
                    d["TimeZoneId"].AsString,
                    StoredTime.ParseDate(d["LastActiveDay"].AsString),
                    d["CurrentAtLastDay"].AsInt32,
                    d["Longest"].AsInt32,
                    d["FreezesAtLastDay"].AsInt32);
                break;
            }
            case LiteDbContext.SubscriptionsCollection:
            {
                var state = State(d["_id"].AsString);
                state.SubscriptionCommunity = d["Community"].AsString;
                state.Subscription = new SubscriptionCell(
                    (DayOfWeek)d["Day"].AsInt32,
                    StoredTime.ParseTime(d["Time"].AsString),
                    d["TimeZoneId"].AsString,
                    d["PausedUntil"].IsString ? StoredTime.ParseDate(d["PausedUntil"].AsString) : null);
                break;
            }
            case LiteDbDeliveryOutbox.DeliveriesCollection:
                var slot = d["SlotUtcTicks"].AsInt64;
                if (slot >= _deliveriesSince)
                    _deliveries[d["_id"].AsString] = new DeliveryState(d["Community"].AsString, slot, d["Status"].AsString, d["Attempts"].AsInt32);
                break;
        }
    }

    /// <summary>Forgets deliveries with a slot before <paramref name="ticks"/>: the overview only shows the current week.</summary>
    private void ForgetDeliveriesBefore(long ticks)
    {
        if (ticks <= _deliveriesSince)
            return;
        _deliveriesSince = ticks;
        foreach (var (key, delivery) in _deliveries.ToList())
        {
            if (delivery.SlotUtcTicks < ticks)
                _deliveries.Remove(key);
        }
    }

    private void Remove(string collection, string id)
    {
        switch (collection)
        {
            case LiteDbContext.LearnersCollection when _learners.TryGetValue(id, out var state):
                Leave(state);
                state.Exists = false;
                state.Communities = [];
                break;
            case LiteDbContext.CheckinsCollection when Split(id) is var (learner, date) && _learners.TryGetValue(learner, out var state):
                var localDay = StoredTime.ParseDate(date).DayNumber;
                var index = state.Checkins.FindIndex(c => c.LocalDay == localDay);
                if (index < 0)
                    break;
                foreach (var community in state.MemberOf)
                    Count(community, state.Checkins[index].UtcDay, -1);
                state.Checkins.RemoveAt(index);
                state.RecomputeLastActive();
                break;
            case LiteDbContext.TaskCompletionsCollection when Split(id) is var (learner, week) && _learners.TryGetValue(learner, out var state):
                state.Tasks.RemoveAll(t => t.Week == int.Parse(week, CultureInfo.InvariantCulture));
                state.RecomputeLastActive();
                break;
            case LiteDbContext.StreakSummariesCollection when _learners.TryGetValue(id, out var state):
                state.Summary = null;
                break;
            case LiteDbContext.SubscriptionsCollection when _learners.TryGetValue(id, out var state):
                state.Subscription = null;
                state.SubscriptionCommunity = null;
                break;
            case LiteDbDeliveryOutbox.DeliveriesCollection:
                _deliveries.Remove(id);
                break;
        }
    }

    private static (string Learner, string Tail) Split(string id)
    {
        var bar = id.LastIndexOf('|');
        return bar < 0 ? (id, "") : (id[..bar], id[(bar + 1)..]);
    }

    private LearnerState State(string id)
    {
        if (!_learners.TryGetValue(id, out var state))
        {
            state = new LearnerState(id);
            _learners.Add(id, state);
        }
        return state;
    }

    private void Leave(LearnerState state)
    {
        foreach (var community in state.MemberOf)
        {
            _members[community].Remove(state);
            foreach (var checkin in state.Checkins)
                Count(community, checkin.UtcDay, -1);
        }
    }

    private void Join(LearnerState state)
    {
        foreach (var community in state.MemberOf)
        {
            if (!_members.TryGetValue(community, out var members))
                _members[community] = members = [];
            members.Add(state);
            foreach (var checkin in state.Checkins)
                Count(community, checkin.UtcDay, 1);
        }
    }

    private void Count(string community, int utcDay, int delta)
    {
        if (!_daily.TryGetValue(community, out var days))
            _daily[community] = days = [];
        days[utcDay] = days.GetValueOrDefault(utcDay) + delta;
    }

    /// <summary>Read access for a query, valid only inside <see cref="Read{T}"/>.</summary>
    internal readonly struct ProjectionView(LiteDbReportProjection owner)
    {
        public IReadOnlyCollection<LearnerState> Members(CommunityId community) =>
            owner._members.TryGetValue(community.ToString(), out var members) ? members : [];

        public int CheckinsOn(CommunityId community, DateOnly day) =>
            owner._daily.TryGetValue(community.ToString(), out var days) ? days.GetValueOrDefault(day.DayNumber) : 0;

        /// <summary>Deliveries of the community with a slot in [from, to); older ones are dropped from memory for good.</summary>
        public IEnumerable<DeliveryState> Deliveries(CommunityId community, long fromTicks, long toTicks)
        {
            var key = community.ToString();
            owner.ForgetDeliveriesBefore(fromTicks - TimeSpan.TicksPerDay * 7);
            return owner._deliveries.Values.Where(d => d.SlotUtcTicks >= fromTicks && d.SlotUtcTicks < toTicks && d.Community == key);
        }
    }

    internal sealed class LearnerState(string id)
    {
        public string Id { get; } = id;
        public LearnerId LearnerId { get; } = LearnerId.Parse(id);
        public bool Exists { get; set; }
        public string DisplayName { get; set; } = "";
        public string LowerName { get; set; } = "";
        public int CurrentWeek { get; set; }
        public string[] Communities { get; set; } = [];
        public SummaryState? Summary { get; set; }
        public string? SubscriptionCommunity { get; set; }
        public SubscriptionCell? Subscription { get; set; }
        public List<CheckinEntry> Checkins { get; } = [];
        public List<TaskEntry> Tasks { get; } = [];

        /// <summary>The communities the learner counts in: none without a profile.</summary>
        public string[] MemberOf => Exists ? Communities : [];

        /// <summary>The latest check-in or task completion, UTC ticks; null without either.</summary>
        public long? LastActiveTicks { get; set; }

        public void RecomputeLastActive()
        {
            long last = 0;
            foreach (var c in Checkins)
                last = Math.Max(last, c.AtUtcTicks);
            foreach (var t in Tasks)
                last = Math.Max(last, t.AtUtcTicks);
            LastActiveTicks = last == 0 ? null : last;
        }
    }

    internal readonly record struct CheckinEntry(int LocalDay, int UtcDay, long AtUtcTicks);

    internal readonly record struct TaskEntry(int Week, long AtUtcTicks);

    internal sealed record SummaryState(string TimeZoneId, DateOnly LastActiveDay, int CurrentAtLastDay, int Longest, int Freezes);

    internal sealed record DeliveryState(string Community, long SlotUtcTicks, string Status, int Attempts)
    {
        public bool IsPending => Status == nameof(DeliveryRecordStatus.Pending);
    }
}

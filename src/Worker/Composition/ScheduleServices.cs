using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Schedule;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Worker.Composition;

/// <summary>The schedule's part of the composition: SLA policies for display, the store the sweeps claim in, and the sweeps.</summary>
public sealed record ScheduleServices(SlaCatalog Catalog, IScheduleStore Store, SlaSweep Sla, FollowUpSweep FollowUps);

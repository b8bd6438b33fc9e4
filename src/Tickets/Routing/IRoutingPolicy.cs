namespace MailTicketing.Tickets.Routing;

/// <summary>Decides queue, priority and acknowledgement for a message. The rules engine (src/Rules) plugs in here.</summary>
public interface IRoutingPolicy
{
    RoutingDecision Route(RoutingInput input);
}

using System.Security.Cryptography;

namespace MentorBot.Core.Delivery;

/// <summary>The owner name a host writes on its outbox claims.</summary>
public static class DeliveryHostId
{
    /// <summary>The configured id, or machine, process id and a random part: unique per process even after a pid is reused.</summary>
    public static string Resolve(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.HostId))
            return options.HostId.Trim();
        return $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }
}

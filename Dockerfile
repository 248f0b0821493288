# BackCareBot container image: built in the .NET SDK image, run in the ASP.NET runtime image as the
# image's non-root "app" user. See DeploymentTemplates/README.md ("Running the container") for usage.

# ---- build ---------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node and npm build the web chat bundle during publish; they come from Debian's packages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files alone, so source edits do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Protocol/Protocol.csproj Protocol/
COPY Dialogs/Dialogs.csproj Dialogs/
COPY BackCareBot/BackCareBot.csproj BackCareBot/
RUN dotnet restore BackCareBot/BackCareBot.csproj

COPY Protocol/ Protocol/
COPY Dialogs/ Dialogs/
COPY BackCareBot/ BackCareBot/
RUN dotnet publish BackCareBot/BackCareBot.csproj --configuration Release --no-restore --output /app -p:UseAppHost=false

COPY DeploymentTemplates/docker/healthcheck.cs DeploymentTemplates/docker/
RUN dotnet publish DeploymentTemplates/docker/healthcheck.cs --configuration Release --output /healthcheck \
    && mkdir /data

# ---- runtime -------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=build /healthcheck /healthcheck
# The SQLite state (the default store) lives in /data, owned by the non-root user; mount a volume there.
COPY --from=build --chown=1654:1654 /data /data

# "URLS" (not ASPNETCORE_URLS) because it outranks the development address in appsettings.json.
ENV ASPNETCORE_ENVIRONMENT=Production \
    URLS=http://+:8080 \
    Storage__DataDirectory=/data
EXPOSE 8080
VOLUME ["/data"]

# 1654 is the "app" user every .NET runtime image defines (APP_UID).
USER 1654

HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/healthcheck/healthcheck.dll", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["dotnet", "BackCareBot.dll"]

// Parameters for "az deployment group create --template-file main.bicep --parameters main.bicepparam".
// The PostgreSQL password comes from the environment so it is never written to a file.
using 'main.bicep'

param namePrefix = 'bcb-prod'
param botAppType = 'UserAssignedMSI'
param stateStore = 'postgres'
param postgresAdministratorLogin = 'backcarebot'
param postgresAdministratorPassword = readEnvironmentVariable('BCB_POSTGRES_PASSWORD', '')
param appServicePlanSku = 'B1'
param instanceCount = 2
param enableDirectLineSpeech = true

{{- define "firstpin.name" -}}
{{- .Release.Name -}}
{{- end -}}

{{- define "firstpin.labels" -}}
app.kubernetes.io/name: firstpin
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

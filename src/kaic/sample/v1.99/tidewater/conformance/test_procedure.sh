#!/usr/bin/env bash
# Fictional AI conformance test procedure for Tidewater AI Cloud (kaic sample data).
# Each function checks one requirement of the v1.99 checklist and prints PASS or FAIL.
set -euo pipefail

NS=aic-test
GPU_CLASS=gpu.tidewater.example.org
RESULTS=()

log()  { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
pass() { log "PASS $1"; RESULTS+=("$1:pass"); }
fail() { log "FAIL $1: $2"; RESULTS+=("$1:fail"); }

setup() {
  kubectl create namespace "$NS" --dry-run=client -o yaml | kubectl apply -f -
}

test_dra_resource_claim() {
  kubectl get deviceclass "$GPU_CLASS" >/dev/null || { fail dra_support "no DeviceClass"; return; }
  kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata: {name: one-gpu}
spec:
  spec:
    devices:
      requests:
      - name: gpu
        exactly: {deviceClassName: gpu.tidewater.example.org}
---
apiVersion: v1
kind: Pod
metadata: {name: dra-probe}
spec:
  restartPolicy: Never
  resourceClaims: [{name: gpu, resourceClaimTemplateName: one-gpu}]
  containers:
  - name: probe
    image: registry.example.net/tools/cuda-probe:12
    command: ["nvidia-smi", "-L"]
    resources: {claims: [{name: gpu}]}
YAML
  kubectl -n "$NS" wait pod/dra-probe --for=jsonpath='{.status.phase}'=Succeeded --timeout=15m
  [[ $(kubectl -n "$NS" logs dra-probe | grep -c '^GPU ') -eq 1 ]] && pass dra_support || fail dra_support "wrong GPU count"
}

test_gateway_weighted_routing() {
  kubectl -n "$NS" apply -f manifests/gateway-weighted.yaml
  kubectl -n "$NS" wait gateway/inference --for=condition=Programmed --timeout=5m
  local addr hits_b
  addr=$(kubectl -n "$NS" get gateway inference -o jsonpath='{.status.addresses[0].value}')
  hits_b=0
  for _ in $(seq 1000); do
    if curl -s -H 'x-model-name: tinyllm' "http://$addr/v1/completions" | grep -q '"backend":"b"'; then
      hits_b=$((hits_b + 1))
    fi
  done
  log "backend b answered $hits_b of 1000 requests (expected about 200)"
  (( hits_b > 150 && hits_b < 250 )) && pass ai_inference || fail ai_inference "split off"
}

test_gang_scheduling() {
  kubectl -n "$NS" apply -f manifests/kueue-queues.yaml   # ClusterQueue with 2 GPUs of quota
  kubectl -n "$NS" apply -f manifests/gang-job.yaml       # parallelism 3, one GPU per pod
  sleep 60
  local pods
  pods=$(kubectl -n "$NS" get pods -l job-name=gang --no-headers 2>/dev/null | wc -l)
  [[ $pods -eq 0 ]] || { fail gang_scheduling "$pods pods started under quota"; return; }
  kubectl patch clusterqueue gpu-queue --type=json \
    -p '[{"op":"replace","path":"/spec/resourceGroups/0/flavors/0/resources/0/nominalQuota","value":3}]'
  kubectl -n "$NS" wait job/gang --for=condition=Complete --timeout=20m
  pass gang_scheduling
}

test_cluster_autoscaling() {
  local before after
  before=$(kubectl get nodes -l tidewater.example.org/gpu=l4 --no-headers | wc -l)
  kubectl -n "$NS" apply -f manifests/two-gpu-pods.yaml
  kubectl -n "$NS" wait pod -l app=scale-probe --for=condition=Ready --timeout=15m
  after=$(kubectl get nodes -l tidewater.example.org/gpu=l4 --no-headers | wc -l)
  log "GPU nodes: $before -> $after"
  kubectl -n "$NS" delete -f manifests/two-gpu-pods.yaml
  kubectl wait node -l tidewater.example.org/gpu=l4 --for=delete --timeout=20m || true
  (( after > before )) && pass cluster_autoscaling || fail cluster_autoscaling "no scale-up"
}

test_pod_autoscaling() {
  kubectl -n "$NS" apply -f manifests/vllm-keda.yaml
  kubectl -n "$NS" run load --image=registry.example.net/tools/loadgen:1 -- --rps 40 --duration 300s
  kubectl -n "$NS" wait deployment/tinyllm --for=jsonpath='{.status.replicas}'=2 --timeout=10m \
    && pass pod_autoscaling || fail pod_autoscaling "HPA did not scale"
}

test_accelerator_metrics() {
  local q='count(DCGM_FI_DEV_GPU_UTIL) and count(DCGM_FI_DEV_FB_USED)'
  kubectl -n monitoring exec deploy/prometheus -- promtool query instant http://localhost:9090 "$q" \
    | grep -q '=>' && pass accelerator_metrics || fail accelerator_metrics "series missing"
}

test_service_metrics_discovery() {
  kubectl -n "$NS" apply -f manifests/dummy-model-server.yaml   # Deployment + Service + ServiceMonitor
  sleep 90
  kubectl -n monitoring exec deploy/prometheus -- promtool query instant http://localhost:9090 \
    'model_requests_total{namespace="aic-test"}' | grep -q '=>' \
    && pass ai_service_metrics || fail ai_service_metrics "not scraped"
}

test_accelerator_isolation() {
  kubectl -n "$NS" run no-gpu --image=registry.example.net/tools/cuda-probe:12 --restart=Never \
    --command -- sh -c 'ls /dev/nvidia0 && exit 1 || exit 0'
  kubectl -n "$NS" wait pod/no-gpu --for=jsonpath='{.status.phase}'=Succeeded --timeout=5m
  pass secure_accelerator_access
}

test_ray_operator() {
  helm upgrade --install kuberay-operator kuberay/kuberay-operator --version 1.4.2 -n kuberay --create-namespace --wait
  kubectl -n "$NS" apply -f manifests/rayjob-pi.yaml
  kubectl -n "$NS" wait rayjob/pi --for=jsonpath='{.status.jobStatus}'=SUCCEEDED --timeout=15m
  if kubectl -n "$NS" apply -f manifests/raycluster-invalid.yaml 2>/dev/null; then
    fail robust_controller "webhook accepted an invalid RayCluster"
  else
    pass robust_controller
  fi
}

setup
test_dra_resource_claim
test_gateway_weighted_routing
test_gang_scheduling
test_cluster_autoscaling
test_pod_autoscaling
test_accelerator_metrics
test_service_metrics_discovery
test_accelerator_isolation
test_ray_operator
printf '%s\n' "${RESULTS[@]}"

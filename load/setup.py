#!/usr/bin/env python3
"""Prepares a DVK installation for the reporting-week load test (tools/loadtest.sh), through the API only.

  python3 load/setup.py BASE_URL OUT_DIR [editors] [background_rows]

BASE_URL is one node's own address (not the proxy's: importing today's communes takes minutes).

As the administrator: imports today's communes from ../shared/data when the installation has fewer than
3,000 (the demo has only Lâm Đồng's); picks the provinces with the most communes until there are enough
communes for `editors` commune editors; makes, for each of those communes, the commune's People's Committee
(organisation) and one unit editor, and for each province its Ban Tuyên giáo và Dân vận with a mobilisation
officer and a standing-committee member; imports `background_rows` initiatives registered in the year
before (what a province has on file when its deadline week starts); writes the accounts as CSV feeders
for the simulation into OUT_DIR.
"""
import base64
import csv
import io
import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
OUT = sys.argv[2]
EDITORS = int(sys.argv[3]) if len(sys.argv) > 3 else 300
BACKGROUND_ROWS = int(sys.argv[4]) if len(sys.argv) > 4 else 20000
ADMIN = os.environ.get("DVK_ADMIN", "quantri.demo:DanVanKheo2025")
PASSWORD = "Tuan-Cao-Diem-2026"
YEAR = int(os.environ.get("DVK_LOAD_YEAR", time.strftime("%Y")))
CONVERSION = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "vn-admin-units", "mapping-2025",
                          "nso-official", "BangChuyendoiĐVHCmoi_cu_khong_merge.csv")
SECTORS = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị", "Nông thôn mới"]
THEMES = ["Mô hình trồng cà phê sạch", "Dân vận khéo trong xây dựng nông thôn mới", "Tổ tự quản an ninh trật tự",
          "Mô hình nuôi bò sinh sản", "Chi hội phụ nữ tiết kiệm", "Đường hoa nông thôn", "Điển hình làm kinh tế giỏi",
          "Mô hình chuyển đổi số ở thôn", "Tổ hợp tác dệt thổ cẩm", "Câu lạc bộ dân vận khéo"]


def call(method, path, body=None, content_type="application/json", ok=(200, 201, 202)):
    headers = {"Authorization": "Basic " + base64.b64encode(ADMIN.encode()).decode(), "Accept": "application/json"}
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            text = answer.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return json.loads(e.read().decode())
        raise SystemExit(f"{method} {path} answered {e.code}: {e.read().decode()[:500]}")


def multipart(path, file_name, content, fields=None):
    boundary = "----dvk" + str(random.random())[2:]
    parts = []
    for name, value in (fields or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                 f'Content-Type: text/csv\r\n\r\n'.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return call("POST", path, b"".join(parts), "multipart/form-data; boundary=" + boundary)


def wait(job_id):
    while True:
        job = call("GET", f"/api/v1/jobs/{job_id}")
        if job["state"] in ("DONE", "FAILED", "CANCELLED"):
            if job["state"] != "DONE":
                raise SystemExit(f"job {job_id} ended {job['state']}: {job}")
            return job
        time.sleep(2)


def units(level, parent=None):
    found, page = [], 0
    while True:
        query = {"level": level, "size": 500, "page": page}
        if parent:
            query["parent"] = parent
        answer = call("GET", "/api/v1/admin-units?" + urllib.parse.urlencode(query))
        found += answer["items"]
        if len(found) >= answer["total"] or not answer["items"]:
            return found
        page += 1


def import_rows(rows, name):
    """Imports initiatives from a CSV (the office's way: Vietnamese headers), all or nothing, as a job."""
    preview = multipart("/api/v1/imports/initiatives?async=true", name, rows)
    job = wait(preview["jobId"])
    confirm = call("POST", f"/api/v1/imports/initiatives/{job['report']['id']}/confirm?async=true")
    return wait(confirm["jobId"])


def initiatives_csv(communes, count, year, seed):
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Tên mô hình, điển hình", "Loại (Mô hình/Điển hình)", "Tập thể/Cá nhân", "Lĩnh vực", "Tỉnh/Thành phố",
                     "Xã/Phường/Thị trấn", "Năm đăng ký", "Đăng ký (Mới/Duy trì)", "Mô tả"])
    for r in range(count):
        commune = communes[rng.randrange(len(communes))]
        writer.writerow([f"{rng.choice(THEMES)} số {seed}-{r}", "Điển hình" if rng.random() < 0.1 else "Mô hình", "Tập thể",
                         rng.choice(SECTORS), commune["province"], commune["name"], year, "Mới",
                         "Người dân cùng bàn, cùng làm, cùng hưởng lợi."])
    return out.getvalue().encode("utf-8")


def main():
    os.makedirs(OUT, exist_ok=True)
    started = time.time()
    if call("GET", "/api/v1/admin-units?level=COMMUNE&size=1")["total"] < 3000:
        if not os.path.exists(CONVERSION):
            raise SystemExit("today's communes are needed and ../shared/data is absent: " + CONVERSION)
        with open(CONVERSION, "rb") as f:
            levels = multipart("/api/v1/admin-units/import", "conversion.csv", f.read(), {"effectiveFrom": "2025-07-01"})["levels"]
            print("today's units imported:", {level: counts["created"] for level, counts in levels.items()})
    provinces = [p for p in units("PROVINCE") if not p.get("validTo")]
    by_province = []
    for province in provinces:
        communes = [c for c in units("COMMUNE", province["code"]) if not c.get("validTo")]
        by_province.append((len(communes), province, communes))
    by_province.sort(key=lambda t: -t[0])
    chosen, communes = [], []
    for _, province, its in by_province:
        if len(communes) >= EDITORS:
            break
        chosen.append(province)
        communes += [dict(c, name=c["fullName"], province=province["fullName"], provinceCode=province["code"]) for c in its]
    communes = communes[:EDITORS]
    editors = []
    for commune in communes:
        org = call("POST", "/api/v1/organisations", {"name": "UBND " + commune["name"], "type": "GOVERNMENT",
                                                     "unitCode": commune["code"]})
        username = "tai.xa" + commune["code"]
        call("POST", "/api/v1/users", {"username": username, "displayName": "Cán bộ " + commune["name"],
                                       "organisationId": org["id"], "unitCode": commune["code"], "roles": ["UNIT_EDITOR"],
                                       "password": PASSWORD, "enabled": True})
        editors.append({"username": username, "password": PASSWORD, "unitCode": commune["code"],
                        "communeName": commune["name"], "provinceCode": commune["provinceCode"],
                        "provinceName": commune["province"], "organisationId": org["id"]})
    officers, committee = [], []
    for province in chosen:
        org = call("POST", "/api/v1/organisations", {"name": "Ban Tuyên giáo và Dân vận " + province["fullName"],
                                                     "type": "MOBILISATION_COMMITTEE", "unitCode": province["code"]})
        for role, prefix, rows in (("MOBILISATION_OFFICER", "tai.btgdv", officers), ("COMMITTEE_MEMBER", "tai.btv", committee)):
            username = f"{prefix}{province['code']}"
            call("POST", "/api/v1/users", {"username": username, "displayName": username, "organisationId": org["id"],
                                           "unitCode": province["code"], "roles": [role], "password": PASSWORD, "enabled": True})
            rows.append({"username": username, "password": PASSWORD, "unitCode": province["code"],
                         "provinceName": province["fullName"]})
    for name, rows in (("editors", editors), ("officers", officers), ("committee", committee)):
        with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    if BACKGROUND_ROWS:
        job = import_rows(initiatives_csv(communes, BACKGROUND_ROWS, YEAR - 1, 1), "nen-nam-truoc.csv")
        report = job["report"]
        print(f"background import: {report['created']} created, {report['rejected']} rejected")
    print(f"{len(editors)} commune editors in {len(chosen)} provinces ({', '.join(p['name'] for p in chosen)}),"
          f" {len(officers)} officers, {len(committee)} committee members; {time.time() - started:.0f} s")


main()

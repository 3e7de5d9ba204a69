#!/usr/bin/env python3
"""Builds src/main/resources/demo/admin-units.csv, the demo's own copy of the units of the five
demo districts (see ../shared/demo/FACTS.md). Run by a developer from the project root when the
demo's districts change; the application never reads ../shared.

Output columns: key,code,level,fullName,parent,validFrom,validTo,successors
(`parent` and `successors` are keys of other rows; a successor prefixed with '~' took only part).
"""
import csv, re, sys, unicodedata

SHARED = '../shared/data/vn-admin-units'
EXPORT = SHARED + '/pre-2025/gso-export-2025-01-04/Xa_2025-01-04.csv'
TABLE = SHARED + '/mapping-2025/nso-official/BangChuyendoiĐVHCmoi_cu_khong_merge.csv'
DISTRICTS = {'674', '327', '453', '135'}
# Communes of Thành phố Hòa Bình (148) that came from Huyện Kỳ Sơn (151) on 1 January 2020.
FROM_KY_SON = {'04894', '04897', '04903', '04906', '04912', '04921'}
REFORM_EVE, REFORM = '2025-06-30', '2025-07-01'

def clean(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', s or '')).strip()

def split_code(s):
    m = re.match(r'^(.*?)\s*\((\d+)\)\s*$', clean(s))
    return (clean(m.group(1)), m.group(2)) if m else (clean(s), '')

rows = {}   # key -> [key, code, level, fullName, parent, validFrom, validTo, successors(list)]
def put(key, code, level, name, parent='', vf='', vt=''):
    if key not in rows:
        rows[key] = [key, code, level, name, parent, vf, vt, []]
    return rows[key]

def link(old, new, partial=False):
    s = ('~' if partial else '') + new
    if s not in rows[old][7]:
        rows[old][7].append(s)

old_communes = {}
with open(EXPORT, encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['Mã QH'] in DISTRICTS or r['Mã PX'] in FROM_KY_SON:
            put(r['Mã TP'], r['Mã TP'], 'PROVINCE', clean(r['Tỉnh Thành Phố']))
            vf = '2020-01-01' if r['Mã QH'] == '148' else ''
            put(r['Mã QH'], r['Mã QH'], 'DISTRICT', clean(r['Quận Huyện']), r['Mã TP'], '', REFORM_EVE)
            put(r['Mã PX'], r['Mã PX'], 'COMMUNE', clean(r['Phường Xã']), r['Mã QH'], vf, REFORM_EVE)
            old_communes[r['Mã PX']] = r['Mã TP']

closed_provinces = set()
with open(TABLE, encoding='utf-8', newline='') as f:
    for rec in csv.reader(f):
        if len(rec) < 8 or clean(rec[4]) not in old_communes:
            continue
        new_prov, new_prov_code = split_code(rec[0])
        old_code = clean(rec[4])
        old_prov = old_communes[old_code]
        if new_prov_code == old_prov and clean(rows[old_prov][3]).lower() == new_prov.lower():
            prov_key = old_prov
        else:
            prov_key = new_prov_code + '@' + REFORM
            put(prov_key, new_prov_code, 'PROVINCE', new_prov, '', REFORM)
            rows[old_prov][6] = REFORM_EVE
            closed_provinces.add(old_prov)
            link(old_prov, prov_key)
        new_key = clean(rec[2]) + '@' + REFORM
        put(new_key, clean(rec[2]), 'COMMUNE', clean(rec[1]), prov_key, REFORM)
        link(old_code, new_key, partial=not clean(rec[5]).startswith(('Nhập toàn bộ', 'Giữ nguyên')))
        link(rows[old_code][4], new_key)

# Huyện Kỳ Sơn of Hòa Bình (151), dissolved on 1 January 2020 (see FACTS.md, "Careful with Kỳ Sơn").
# Codes 04897, 04900, 04906 and 04909 are inferred from the numbering; 04894, 04903, 04912, 04921 are given.
put('151', '151', 'DISTRICT', 'Huyện Kỳ Sơn', '17', '', '2019-12-31')
link('151', '148')
for code, name, succ in [('04894', 'Thị trấn Kỳ Sơn', '04894'), ('04897', 'Xã Hợp Thịnh', '04897'),
                         ('04900', 'Xã Phú Minh', '04897'), ('04903', 'Xã Hợp Thành', '04903'),
                         ('04906', 'Xã Phúc Tiến', '04906'), ('04909', 'Xã Yên Quang', '04906'),
                         ('04912', 'Xã Mông Hóa', '04912'), ('04921', 'Xã Độc Lập', '04921')]:
    key = code + '@ky-son'
    put(key, code, 'COMMUNE', name, '151', '', '2019-12-31')
    link(key, succ)

# Villages the facts name, with their successor under today's commune.
def village(key, name, commune_key, vf='', vt=REFORM_EVE):
    put(key, '', 'VILLAGE', name, commune_key, vf, vt)
villages = [('Thôn Trung Tâm', '24886'), ('Thôn Đồng Tâm', '24886'), ('Thôn Liêng Krắc 1', '24859')]
for i, (name, commune) in enumerate(villages, 1):
    key = 'v%d' % i
    village(key, name, commune)
    new = [s for s in rows[commune][7] if not s.startswith('~')]
    if len(new) == 1:
        village(key + '@' + REFORM, name, new[0], REFORM, '')
        link(key, key + '@' + REFORM)
for i, (name, commune) in enumerate([('Xóm Can', '04921'), ('Xóm Ngọc Xạ', '04903'), ('Xóm Mè', '04909')], 10):
    village('v%d' % i, name, commune + '@ky-son', '', '2019-12-31')

order = {'PROVINCE': 0, 'DISTRICT': 1, 'COMMUNE': 2, 'VILLAGE': 3}
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['key', 'code', 'level', 'fullName', 'parent', 'validFrom', 'validTo', 'successors'])
for r in sorted(rows.values(), key=lambda r: (order[r[2]], r[5] or '0000', r[0])):
    w.writerow(r[:7] + [';'.join(r[7])])

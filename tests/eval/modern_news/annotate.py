#!/usr/bin/env python3
"""Rebuild NAME.gold.json from the hand-written list in annotations/NAME.py.

Each annotations/NAME.py defines
    ANN = [(surface, LABEL[, occurrence]), ...]   occurrence: 'all' (default), an int or a list of ints
    IGN = [(surface[, occurrence]), ...]          ignore regions (unclear cases)
Surfaces are matched on word boundaries in NAME.txt; a span contained in a longer
listed span is dropped (longest name wins); gold spans overlapping an ignore region
are dropped; offsets are written as UTF-8 byte offsets, end exclusive.

    python3 tests/eval/modern_news/annotate.py            # all articles
    python3 tests/eval/modern_news/annotate.py NAME ...   # some
"""
import json, re, sys
import os, importlib.util
OUT=os.path.dirname(os.path.abspath(__file__))
LABELS={'PERSON','PLACE','ORG','PROJECT','FIGURE','DATE'}
def isword(ch): return ch.isalnum()
def find_all(text, s):
    res=[]; i=0
    while True:
        j=text.find(s,i)
        if j<0: break
        a=j; b=j+len(s)
        okL = a==0 or not (isword(text[a-1]) and isword(s[0]))
        okR = b==len(text) or not (isword(text[b]) and isword(s[-1]))
        if okL and okR: res.append((a,b))
        i=j+1
    return res
def resolve(name, ann, ignore=(), verbose=True):
    text=open(f'{OUT}/{name}.txt',encoding='utf-8').read()
    spans=[]; errs=[]
    for item in ann:
        s,lab=item[0],item[1]; occ=item[2] if len(item)>2 else 'all'
        assert lab in LABELS, (s,lab)
        hits=find_all(text,s)
        if not hits: errs.append(f'NOT FOUND: {s!r}'); continue
        if occ=='all': sel=hits
        else:
            idx=[occ] if isinstance(occ,int) else list(occ)
            sel=[]
            for k in idx:
                if k>=len(hits): errs.append(f'OCC {k} missing for {s!r} ({len(hits)})')
                else: sel.append(hits[k])
        for a,b in sel: spans.append((a,b,lab,s))
    ign=[]
    for item in ignore:
        s=item[0]; occ=item[1] if len(item)>1 else 'all'
        hits=find_all(text,s)
        if not hits: errs.append(f'IGNORE NOT FOUND: {s!r}'); continue
        sel=hits if occ=='all' else [hits[k] for k in ([occ] if isinstance(occ,int) else occ)]
        ign+= [(a,b,s) for a,b in sel]
    # dedupe exact
    spans=sorted(set(spans), key=lambda x:(x[0],-(x[1]-x[0])))
    # drop contained
    final=[]; dropped=[]
    for sp in spans:
        cont=[o for o in spans if o!=sp and o[0]<=sp[0] and sp[1]<=o[1] and (o[1]-o[0])>(sp[1]-sp[0])]
        if cont: dropped.append((sp,cont[0])); continue
        final.append(sp)
    # overlaps
    final.sort()
    for x,y in zip(final,final[1:]):
        if y[0]<x[1]: errs.append(f'OVERLAP {x} {y}')
    # ignore regions lying inside a gold span are meaningless: drop them
    ign=[(a,b,s) for a,b,s in ign if not any(x<=a and b<=y and (y-x)>(b-a) for x,y,_,_ in final)]
    # gold spans overlapping an ignore region are not scored: drop them
    final=[sp for sp in final if not any(sp[0]<b and a<sp[1] for a,b,_ in ign)]
    for a,b,lab,s in final: assert text[a:b]==s
    # convert to byte offsets
    def bo(i): return len(text[:i].encode('utf-8'))
    ents=[{'start':bo(a),'end':bo(b),'label':lab,'text':s} for a,b,lab,s in final]
    igns=[{'start':bo(a),'end':bo(b),'text':s} for a,b,s in ign]
    json.dump({'file':f'{name}.txt','entities':ents,'ignore':igns}, open(f'{OUT}/{name}.gold.json','w',encoding='utf-8'), ensure_ascii=False, indent=1)
    if verbose:
        for e in errs: print('ERR',e)
        for sp,c in dropped: print('contained:',repr(sp[3]),sp[2],'in',repr(c[3]),c[2])
        from collections import Counter
        print(name, len(ents), dict(Counter(e['label'] for e in ents)), 'words', len(text.split()))
    return text, final, errs

def main(names):
    if not names:
        names=sorted(f[:-3] for f in os.listdir(os.path.join(OUT,'annotations')) if f.endswith('.py'))
    bad=0
    for name in names:
        spec=importlib.util.spec_from_file_location('ann_'+name.replace('-','_'), os.path.join(OUT,'annotations',name+'.py'))
        m=importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        _,_,errs=resolve(name, m.ANN, getattr(m,'IGN',()), verbose=True)
        bad+=len(errs)
    sys.exit(1 if bad else 0)

if __name__=='__main__':
    main(sys.argv[1:])
